package dev.supervisor.core.expr.internal;

import dev.supervisor.core.expr.ExpressionException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A compiled syntax-tree node: evaluation is a walk over these closures. */
abstract class Node {
    final int pos;

    Node(int pos) {
        this.pos = pos;
    }

    abstract Object eval(Env env);

    static boolean bool(Env env, Object v, int pos, String what) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw env.error(pos, what + " needs a bool but got " + Values.typeName(v));
    }

    static final class Const extends Node {
        final Object value;

        Const(int pos, Object value) {
            super(pos);
            this.value = value;
        }

        @Override
        Object eval(Env env) {
            env.tick(pos);
            return value;
        }
    }

    static final class Var extends Node {
        final String name;

        Var(int pos, String name) {
            super(pos);
            this.name = name;
        }

        @Override
        Object eval(Env env) {
            env.tick(pos);
            if (env.hasLocals()) {
                Object[] out = new Object[1];
                if (env.local(name, out)) {
                    return out[0];
                }
            }
            Map<String, ?> vars = env.variables;
            Object v = vars.get(name);
            if (v != null || vars.containsKey(name)) {
                return Values.normalize(v);
            }
            if (name.equals("now")) {
                return env.config.clock().instant();
            }
            throw env.error(pos, "unknown variable '" + name + "'");
        }
    }

    static final class Member extends Node {
        final Node target;
        final String name;

        Member(int pos, Node target, String name) {
            super(pos);
            this.target = target;
            this.name = name;
        }

        @Override
        Object eval(Env env) {
            Object t = target.eval(env);
            env.tick(pos);
            Object v = Access.member(env, t, name, pos);
            if (v == Access.ABSENT) {
                throw env.error(pos, "no member '" + name + "' (use has(...) to test for it)");
            }
            return v;
        }
    }

    static final class Index extends Node {
        final Node target;
        final Node key;

        Index(int pos, Node target, Node key) {
            super(pos);
            this.target = target;
            this.key = key;
        }

        @Override
        Object eval(Env env) {
            Object t = target.eval(env);
            Object k = key.eval(env);
            env.tick(pos);
            return Access.index(env, t, k, pos);
        }
    }

    static final class Has extends Node {
        final Node target;
        final String name;

        Has(int pos, Node target, String name) {
            super(pos);
            this.target = target;
            this.name = name;
        }

        @Override
        Object eval(Env env) {
            Object t = target.eval(env);
            env.tick(pos);
            return Access.member(env, t, name, pos) != Access.ABSENT;
        }
    }

    static final class Not extends Node {
        final Node x;

        Not(int pos, Node x) {
            super(pos);
            this.x = x;
        }

        @Override
        Object eval(Env env) {
            return !bool(env, x.eval(env), pos, "!");
        }
    }

    static final class Neg extends Node {
        final Node x;

        Neg(int pos, Node x) {
            super(pos);
            this.x = x;
        }

        @Override
        Object eval(Env env) {
            Object v = x.eval(env);
            if (v instanceof Long l) {
                if (l == Long.MIN_VALUE) {
                    throw env.error(pos, "integer overflow in -" + l);
                }
                return -l;
            }
            if (v instanceof Double d) {
                return -d;
            }
            if (v instanceof java.time.Duration d) {
                return d.negated();
            }
            throw env.error(pos, "unary - does not apply to " + Values.typeName(v));
        }
    }

    static final class And extends Node {
        final Node a;
        final Node b;
        final boolean or;

        And(int pos, Node a, Node b, boolean or) {
            super(pos);
            this.a = a;
            this.b = b;
            this.or = or;
        }

        /**
         * CEL's commutative logic: an error (or a non-bool) on one side is absorbed when the other side decides,
         * so {@code 1/0 == 1 || true} is true. Limits (cost, sizes) are never absorbed.
         */
        @Override
        Object eval(Env env) {
            String op = or ? "||" : "&&";
            ExpressionException first;
            try {
                if (bool(env, a.eval(env), a.pos, op) == or) {
                    return or;
                }
                first = null;
            } catch (ExpressionException e) {
                if (env.exhausted) {
                    throw e;
                }
                first = e;
            }
            boolean right = bool(env, b.eval(env), b.pos, op);
            if (right == or || first == null) {
                return right;
            }
            throw first;
        }
    }

    static final class Cond extends Node {
        final Node c;
        final Node a;
        final Node b;

        Cond(int pos, Node c, Node a, Node b) {
            super(pos);
            this.c = c;
            this.a = a;
            this.b = b;
        }

        @Override
        Object eval(Env env) {
            return bool(env, c.eval(env), c.pos, "?:") ? a.eval(env) : b.eval(env);
        }
    }

    static final class Binary extends Node {
        final String op;
        final Node a;
        final Node b;

        private static final int EQ = 0;
        private static final int NE = 1;
        private static final int LT = 2;
        private static final int LE = 3;
        private static final int GT = 4;
        private static final int GE = 5;
        private static final int IN = 6;
        private static final int ARITH = 7;
        private final int code;

        Binary(int pos, String op, Node a, Node b) {
            super(pos);
            this.op = op;
            this.a = a;
            this.b = b;
            this.code = switch (op) {
                case "==" -> EQ;
                case "!=" -> NE;
                case "<" -> LT;
                case "<=" -> LE;
                case ">" -> GT;
                case ">=" -> GE;
                case "in" -> IN;
                default -> ARITH;
            };
        }

        /** NaN makes every ordering false: map UNORDERED to a value no comparison accepts. */
        private int ordered(int c) {
            return c == Values.UNORDERED ? (code == LT || code == LE ? 1 : -1) : c;
        }

        @Override
        Object eval(Env env) {
            Object x = a.eval(env);
            Object y = b.eval(env);
            env.tick(pos);
            return switch (code) {
                case EQ -> Values.equal(env, x, y, pos);
                case NE -> !Values.equal(env, x, y, pos);
                case LT -> ordered(Values.compare(env, x, y, pos)) < 0;
                case LE -> ordered(Values.compare(env, x, y, pos)) <= 0;
                case GT -> ordered(Values.compare(env, x, y, pos)) > 0;
                case GE -> ordered(Values.compare(env, x, y, pos)) >= 0;
                case IN -> Values.in(env, x, y, pos);
                default -> Values.arith(env, op, x, y, pos);
            };
        }
    }

    static final class ListLit extends Node {
        final List<Node> items;

        ListLit(int pos, List<Node> items) {
            super(pos);
            this.items = items;
        }

        @Override
        Object eval(Env env) {
            env.tick(pos);
            List<Object> out = new ArrayList<>(items.size());
            for (Node n : items) {
                out.add(n.eval(env));
            }
            return out;
        }
    }

    static final class MapLit extends Node {
        final List<Node> keys;
        final List<Node> values;

        MapLit(int pos, List<Node> keys, List<Node> values) {
            super(pos);
            this.keys = keys;
            this.values = values;
        }

        @Override
        Object eval(Env env) {
            env.tick(pos);
            Map<String, Object> out = new LinkedHashMap<>();
            for (int k = 0; k < keys.size(); k++) {
                Object key = keys.get(k).eval(env);
                if (!(key instanceof String s)) {
                    throw env.error(keys.get(k).pos, "map keys must be strings but got " + Values.typeName(key));
                }
                if (out.put(s, values.get(k).eval(env)) != null || out.size() != k + 1) {
                    throw env.error(keys.get(k).pos, "duplicate map key '" + s + "'");
                }
            }
            return out;
        }
    }

    /** exists / all / filter / map over a list (or a map's keys), one bounded step per element. */
    static final class Macro extends Node {
        final String kind;
        final Node target;
        final String var;
        final Node body;

        Macro(int pos, String kind, Node target, String var, Node body) {
            super(pos);
            this.kind = kind;
            this.target = target;
            this.var = var;
            this.body = body;
        }

        @Override
        Object eval(Env env) {
            Object t = target.eval(env);
            Iterator<?> it = Values.elements(env, t, pos);
            List<Object> out = kind.equals("filter") || kind.equals("map") ? new ArrayList<>() : null;
            env.push(var, null);
            ExpressionException deferred = null;
            try {
                while (it.hasNext()) {
                    env.tick(pos);
                    Object e = Values.normalize(it.next());
                    env.set(e);
                    if (kind.equals("exists") || kind.equals("all")) {
                        // As || and &&: an element's error is absorbed if another element decides the result.
                        try {
                            if (bool(env, body.eval(env), body.pos, kind) == kind.equals("exists")) {
                                return kind.equals("exists");
                            }
                        } catch (ExpressionException ex) {
                            if (env.exhausted) {
                                throw ex;
                            }
                            deferred = deferred == null ? ex : deferred;
                        }
                        continue;
                    }
                    Object r = body.eval(env);
                    if (kind.equals("filter")) {
                        if (bool(env, r, body.pos, "filter")) {
                            add(env, out, e);
                        }
                    } else {
                        add(env, out, r);
                    }
                }
            } finally {
                env.pop();
            }
            if (deferred != null) {
                throw deferred;
            }
            return out != null ? out : kind.equals("all");
        }

        private void add(Env env, List<Object> out, Object v) {
            if (out.size() >= env.config.maxListSize()) {
                throw env.limit(pos, "list larger than " + env.config.maxListSize() + " elements");
            }
            out.add(v);
        }
    }
}
