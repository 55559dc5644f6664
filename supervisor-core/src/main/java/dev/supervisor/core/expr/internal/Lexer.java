package dev.supervisor.core.expr.internal;

import dev.supervisor.core.expr.ExpressionException;
import java.util.ArrayList;
import java.util.List;

/** Splits source into tokens; literals are decoded here so the parser only sees values. */
final class Lexer {
    private static final String[] OPS = {"&&", "||", "==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/", "%",
        "!", "?", ":", ".", ",", "(", ")", "[", "]", "{", "}"};

    private final String src;
    private int i;

    private Lexer(String src) {
        this.src = src;
    }

    static List<Token> tokens(String src) {
        Lexer l = new Lexer(src);
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = l.next();
            out.add(t);
        } while (t.kind() != Token.Kind.EOF);
        return out;
    }

    private ExpressionException error(String msg, int pos) {
        return new ExpressionException(msg, src, pos);
    }

    private Token next() {
        while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
            i++;
        }
        if (i >= src.length()) {
            return new Token(Token.Kind.EOF, "", null, i);
        }
        int start = i;
        char c = src.charAt(i);
        if (Character.isDigit(c)) {
            return number(start);
        }
        if (c == '\'' || c == '"') {
            return string(start, c);
        }
        if (Character.isLetter(c) || c == '_') {
            while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
                i++;
            }
            return new Token(Token.Kind.IDENT, src.substring(start, i), null, start);
        }
        for (String op : OPS) {
            if (src.startsWith(op, i)) {
                i += op.length();
                return new Token(Token.Kind.OP, op, null, start);
            }
        }
        throw error("unexpected character '" + c + "'", start);
    }

    private Token number(int start) {
        if (src.startsWith("0x", i) || src.startsWith("0X", i)) {
            i += 2;
            int digits = i;
            while (i < src.length() && Character.digit(src.charAt(i), 16) >= 0) {
                i++;
            }
            try {
                return new Token(Token.Kind.INT, src.substring(start, i), Long.parseLong(src.substring(digits, i), 16),
                        start);
            } catch (NumberFormatException e) {
                throw error("integer literal out of range", start);
            }
        }
        boolean dbl = false;
        while (i < src.length() && Character.isDigit(src.charAt(i))) {
            i++;
        }
        if (i + 1 < src.length() && src.charAt(i) == '.' && Character.isDigit(src.charAt(i + 1))) {
            dbl = true;
            i++;
            while (i < src.length() && Character.isDigit(src.charAt(i))) {
                i++;
            }
        }
        if (i < src.length() && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
            int save = i;
            i++;
            if (i < src.length() && (src.charAt(i) == '+' || src.charAt(i) == '-')) {
                i++;
            }
            if (i < src.length() && Character.isDigit(src.charAt(i))) {
                dbl = true;
                while (i < src.length() && Character.isDigit(src.charAt(i))) {
                    i++;
                }
            } else {
                i = save;
            }
        }
        String text = src.substring(start, i);
        if (dbl) {
            double d = Double.parseDouble(text);
            if (Double.isInfinite(d)) {
                throw error("double literal out of range", start);
            }
            return new Token(Token.Kind.DOUBLE, text, d, start);
        }
        try {
            return new Token(Token.Kind.INT, text, Long.parseLong(text), start);
        } catch (NumberFormatException e) {
            throw error("integer literal out of range", start);
        }
    }

    private Token string(int start, char quote) {
        i++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (i >= src.length()) {
                throw error("unterminated string", start);
            }
            char c = src.charAt(i++);
            if (c == quote) {
                break;
            }
            if (c == '\n') {
                throw error("unterminated string", start);
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (i >= src.length()) {
                throw error("unterminated string", start);
            }
            char e = src.charAt(i++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case '\\', '\'', '"' -> sb.append(e);
                case 'u' -> {
                    if (i + 4 > src.length()) {
                        throw error("bad \\u escape", i - 2);
                    }
                    try {
                        sb.append((char) Integer.parseInt(src.substring(i, i + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape", i - 2);
                    }
                    i += 4;
                }
                default -> throw error("unknown escape \\" + e, i - 2);
            }
        }
        return new Token(Token.Kind.STRING, src.substring(start, i), sb.toString(), start);
    }
}
