package dev.supervisor.core.expr.internal;

import dev.supervisor.core.expr.ExpressionConfig;
import dev.supervisor.core.expr.ExpressionException;
import dev.supervisor.core.expr.ExpressionFunction;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive descent with precedence climbing: ?: < || < && < relations (== != < <= > >= in) < + - < * / % <
 * unary (! -) < postfix (. [] calls). Recursion and tree depth are both capped, so no input overflows the stack.
 */
final class Parser {
    private static final Set<String> MACROS = Set.of("exists", "all", "filter", "map");
    private static final Set<String> METHODS = Set.of("startsWith", "endsWith", "contains", "matches", "size");
    private static final Set<String> RELATIONS = Set.of("==", "!=", "<", "<=", ">", ">=");

    private final String src;
    /** Tokens are read as the parser needs them, so deep nesting is refused before the rest is even read. */
    private final Lexer lexer;
    private final List<Token> tokens = new ArrayList<>();
    private final ExpressionConfig config;
    private final Map<Node, Integer> depth = new IdentityHashMap<>();
    /** One budget for all compile-time work (constant folding, regular expressions), like one evaluation. */
    private final Env folding;
    private int p;
    private int recursion;

    private Parser(String src, ExpressionConfig config) {
        this.src = src;
        this.config = config;
        this.lexer = new Lexer(src);
        this.folding = new Env(config, src, Map.of());
    }

    static Node parse(String src, ExpressionConfig config) {
        if (src.length() > config.maxSourceLength()) {
            throw new ExpressionException("expression is " + src.length() + " characters long; the limit is "
                    + config.maxSourceLength(), src, config.maxSourceLength());
        }
        try {
            Parser parser = new Parser(src, config);
            Node n = parser.expr();
            Token t = parser.peek();
            if (t.kind() != Token.Kind.EOF) {
                throw parser.error("unexpected '" + t.text() + "'", t.pos());
            }
            return n;
        } catch (StackOverflowError e) {
            // maxDepth is capped so a default stack suffices; a caller on a tiny stack still gets a typed error.
            throw new ExpressionException("expression too deeply nested to compile on this thread's stack", src, 0);
        }
    }

    private ExpressionException error(String msg, int pos) {
        return new ExpressionException(msg, src, pos);
    }

    private Token peek() {
        while (p >= tokens.size()) {
            tokens.add(lexer.next());
        }
        return tokens.get(p);
    }

    private Token take() {
        Token t = peek();
        p++;
        return t;
    }

    private boolean accept(String op) {
        if (peek().is(op)) {
            p++;
            return true;
        }
        return false;
    }

    private Token expect(String op) {
        Token t = peek();
        if (!t.is(op)) {
            throw error("expected '" + op + "' but found " + (t.kind() == Token.Kind.EOF ? "the end"
                    : "'" + t.text() + "'"), t.pos());
        }
        return take();
    }

    private void enter(int pos) {
        if (++recursion > config.maxDepth()) {
            throw error("expression nests deeper than " + config.maxDepth() + " levels", pos);
        }
    }

    /** Records a node's tree depth and enforces the limit; folds operations over constants. */
    private Node node(Node n, Node... kids) {
        int d = 1;
        boolean allConst = kids.length > 0;
        for (Node k : kids) {
            d = Math.max(d, depth.getOrDefault(k, 1) + 1);
            allConst &= k instanceof Node.Const;
        }
        if (d > config.maxDepth()) {
            throw error("expression nests deeper than " + config.maxDepth() + " levels", n.pos);
        }
        depth.put(n, d);
        if (allConst && !(n instanceof Node.Macro) && !(n instanceof Call c && c.host != null)) {
            Object v;
            try {
                v = n.eval(folding);
            } catch (ExpressionException e) {
                // Not folded: the branch may never run (false && 1/0); if it does, it fails with this message.
                return n;
            }
            if (!(v instanceof List<?>) && !(v instanceof Map<?, ?>)) {
                Node folded = new Node.Const(n.pos, v);
                depth.put(folded, 1);
                return folded;
            }
        }
        return n;
    }

    private Node expr() {
        enter(peek().pos());
        try {
            Node c = or();
            if (peek().is("?")) {
                int pos = take().pos();
                Node a = expr();
                expect(":");
                Node b = expr();
                return node(new Node.Cond(pos, c, a, b), c, a, b);
            }
            return c;
        } finally {
            recursion--;
        }
    }

    private Node or() {
        Node l = and();
        while (peek().is("||")) {
            int pos = take().pos();
            Node r = and();
            l = node(new Node.And(pos, l, r, true), l, r);
        }
        return l;
    }

    private Node and() {
        Node l = relation();
        while (peek().is("&&")) {
            int pos = take().pos();
            Node r = relation();
            l = node(new Node.And(pos, l, r, false), l, r);
        }
        return l;
    }

    private Node relation() {
        Node l = additive();
        while (true) {
            Token t = peek();
            String op = t.kind() == Token.Kind.OP && RELATIONS.contains(t.text())
                    ? t.text() : t.kind() == Token.Kind.IDENT && t.text().equals("in") ? "in" : null;
            if (op == null) {
                return l;
            }
            take();
            Node r = additive();
            l = node(new Node.Binary(t.pos(), op, l, r), l, r);
        }
    }

    private Node additive() {
        Node l = multiplicative();
        while (peek().is("+") || peek().is("-")) {
            Token t = take();
            Node r = multiplicative();
            l = node(new Node.Binary(t.pos(), t.text(), l, r), l, r);
        }
        return l;
    }

    private Node multiplicative() {
        Node l = unary();
        while (peek().is("*") || peek().is("/") || peek().is("%")) {
            Token t = take();
            Node r = unary();
            l = node(new Node.Binary(t.pos(), t.text(), l, r), l, r);
        }
        return l;
    }

    private Node unary() {
        Token t = peek();
        if (t.is("!") || t.is("-")) {
            take();
            if (t.is("-") && peek().kind() == Token.Kind.INT) {
                // A negative literal, as CEL: the only way to write -9223372036854775808.
                Token lit = take();
                Object v = lit.value() == Lexer.MIN_INT_MAGNITUDE ? (Object) Long.MIN_VALUE
                        : (Object) (-(Long) lit.value());
                return postfix(node(new Node.Const(t.pos(), v)));
            }
            enter(t.pos());
            try {
                Node x = unary();
                if (t.is("-") && x instanceof Node.Const c && c.value instanceof Long) {
                    return node(new Node.Neg(t.pos(), x), x);
                }
                return node(t.is("!") ? new Node.Not(t.pos(), x) : new Node.Neg(t.pos(), x), x);
            } finally {
                recursion--;
            }
        }
        return postfix(primary());
    }

    private Node postfix(Node n) {
        while (true) {
            Token t = peek();
            if (t.is(".")) {
                take();
                Token name = take();
                if (name.kind() != Token.Kind.IDENT) {
                    throw error("expected a member name after '.'", name.pos());
                }
                if (peek().is("(")) {
                    n = method(n, name);
                } else {
                    n = node(new Node.Member(name.pos(), n, name.text()), n);
                }
            } else if (t.is("[")) {
                take();
                Node key = expr();
                expect("]");
                n = node(new Node.Index(t.pos(), n, key), n, key);
            } else {
                return n;
            }
        }
    }

    private Node method(Node target, Token name) {
        List<Node> args = args();
        String m = name.text();
        if (MACROS.contains(m)) {
            if (args.size() != 2 || !(args.get(0) instanceof Node.Var v)) {
                throw error(m + "() takes a variable name and an expression, as in list." + m + "(x, x > 0)",
                        name.pos());
            }
            return node(new Node.Macro(name.pos(), m, target, v.name, args.get(1)), target, args.get(1));
        }
        if (!METHODS.contains(m)) {
            throw error("unknown method '" + m + "'", name.pos());
        }
        List<Node> all = new ArrayList<>();
        all.add(target);
        all.addAll(args);
        return call(name.pos(), m, all);
    }

    private List<Node> args() {
        expect("(");
        List<Node> args = new ArrayList<>();
        if (!peek().is(")")) {
            do {
                args.add(expr());
            } while (accept(","));
        }
        expect(")");
        return args;
    }

    private Node call(int pos, String name, List<Node> args) {
        ExpressionFunction host = null;
        if (!Call.BUILTINS.contains(name)) {
            host = config.functions().get(name);
            if (host == null) {
                throw error("unknown function '" + name + "'", pos);
            }
        }
        Regex re = null;
        if (name.equals("matches") && args.size() == 2 && args.get(1) instanceof Node.Const c
                && c.value instanceof String s) {
            re = Call.regex(folding, s, args.get(1).pos);
        }
        return node(new Call(pos, name, args, host, re), args.toArray(new Node[0]));
    }

    private Node primary() {
        Token t = take();
        switch (t.kind()) {
            case INT, DOUBLE, STRING -> {
                if (t.value() == Lexer.MIN_INT_MAGNITUDE) {
                    throw error("integer literal out of range", t.pos());
                }
                return node(new Node.Const(t.pos(), t.value()));
            }
            case IDENT -> {
                switch (t.text()) {
                    case "true" -> {
                        return node(new Node.Const(t.pos(), Boolean.TRUE));
                    }
                    case "false" -> {
                        return node(new Node.Const(t.pos(), Boolean.FALSE));
                    }
                    case "null" -> {
                        return node(new Node.Const(t.pos(), null));
                    }
                    case "in" -> throw error("unexpected 'in'", t.pos());
                    default -> {
                    }
                }
                if (peek().is("(")) {
                    if (t.text().equals("has")) {
                        List<Node> a = args();
                        if (a.size() != 1 || !(a.get(0) instanceof Node.Member m)) {
                            throw error("has() takes a member selection such as has(inputs.branch)", t.pos());
                        }
                        return node(new Node.Has(t.pos(), m.target, m.name), m.target);
                    }
                    return call(t.pos(), t.text(), args());
                }
                return node(new Node.Var(t.pos(), t.text()));
            }
            case OP -> {
                if (t.is("(")) {
                    Node n = expr();
                    expect(")");
                    return n;
                }
                if (t.is("[")) {
                    List<Node> items = new ArrayList<>();
                    if (!peek().is("]")) {
                        do {
                            items.add(expr());
                        } while (accept(","));
                    }
                    expect("]");
                    return node(new Node.ListLit(t.pos(), items), items.toArray(new Node[0]));
                }
                if (t.is("{")) {
                    List<Node> keys = new ArrayList<>();
                    List<Node> values = new ArrayList<>();
                    if (!peek().is("}")) {
                        do {
                            keys.add(expr());
                            expect(":");
                            values.add(expr());
                        } while (accept(","));
                    }
                    expect("}");
                    List<Node> kids = new ArrayList<>(keys);
                    kids.addAll(values);
                    return node(new Node.MapLit(t.pos(), keys, values), kids.toArray(new Node[0]));
                }
                throw error("unexpected '" + t.text() + "'", t.pos());
            }
            default -> throw error("unexpected end of expression", t.pos());
        }
    }

}
