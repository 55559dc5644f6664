package dev.supervisor.core.expr.internal;

import dev.supervisor.core.expr.ExpressionException;

/**
 * Splits source into tokens; literals are decoded here so the parser only sees values. Outside string literals
 * the source is ASCII only: Unicode digits, letters and spaces would make look-alike expressions mean something
 * else than they show.
 */
final class Lexer {
    /** Value of the literal 9223372036854775808, which is only valid right after a unary minus. */
    static final Object MIN_INT_MAGNITUDE = new Object();

    private static final String[] OPS = {"&&", "||", "==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/", "%",
        "!", "?", ":", ".", ",", "(", ")", "[", "]", "{", "}"};

    private final String src;
    private int i;

    Lexer(String src) {
        this.src = src;
    }

    private ExpressionException error(String msg, int pos) {
        return new ExpressionException(msg, src, pos);
    }

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean identStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    /** @return the next token; EOF again and again at the end */
    Token next() {
        while (i < src.length() && space(src.charAt(i))) {
            i++;
        }
        if (i >= src.length()) {
            return new Token(Token.Kind.EOF, "", null, i);
        }
        int start = i;
        char c = src.charAt(i);
        if (digit(c)) {
            return number(start);
        }
        if (c == '\'' || c == '"') {
            return string(start, c, false);
        }
        if ((c == 'r' || c == 'R') && i + 1 < src.length() && (src.charAt(i + 1) == '\'' || src.charAt(i + 1) == '"')) {
            i++;
            return string(start, src.charAt(i), true);
        }
        if (identStart(c)) {
            while (i < src.length() && (identStart(src.charAt(i)) || digit(src.charAt(i)))) {
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
        if (c >= ' ' && c < 127) {
            throw error("unexpected character '" + c + "'", start);
        }
        throw error(String.format("unexpected character U+%04X (outside string literals only ASCII is allowed)",
                src.codePointAt(i)), start);
    }

    private Token number(int start) {
        if (src.startsWith("0x", i) || src.startsWith("0X", i)) {
            i += 2;
            int digits = i;
            while (i < src.length() && Character.digit(src.charAt(i), 16) >= 0 && src.charAt(i) < 128) {
                i++;
            }
            if (i == digits) {
                throw error("hexadecimal literal needs digits after 0x", start);
            }
            return integer(start, src.substring(digits, i), 16);
        }
        boolean dbl = false;
        while (i < src.length() && digit(src.charAt(i))) {
            i++;
        }
        if (i + 1 < src.length() && src.charAt(i) == '.' && digit(src.charAt(i + 1))) {
            dbl = true;
            i++;
            while (i < src.length() && digit(src.charAt(i))) {
                i++;
            }
        }
        if (i < src.length() && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
            int save = i;
            i++;
            if (i < src.length() && (src.charAt(i) == '+' || src.charAt(i) == '-')) {
                i++;
            }
            if (i < src.length() && digit(src.charAt(i))) {
                dbl = true;
                while (i < src.length() && digit(src.charAt(i))) {
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
        return integer(start, text, 10);
    }

    private Token integer(int start, String digits, int radix) {
        String text = src.substring(start, i);
        try {
            return new Token(Token.Kind.INT, text, Long.parseLong(digits, radix), start);
        } catch (NumberFormatException e) {
            String magnitude = digits.replaceFirst("^0+", "");
            if (magnitude.equalsIgnoreCase(radix == 10 ? "9223372036854775808" : "8000000000000000")) {
                return new Token(Token.Kind.INT, text, MIN_INT_MAGNITUDE, start);
            }
            throw error("integer literal out of range", start);
        }
    }

    private Token string(int start, char quote, boolean raw) {
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
            if (c == '\n' || c == '\r') {
                throw error("unterminated string", start);
            }
            if (c != '\\' || raw) {
                sb.append(c);
                continue;
            }
            if (i >= src.length()) {
                throw error("unterminated string", start);
            }
            escape(sb, src.charAt(i++));
        }
        return new Token(Token.Kind.STRING, src.substring(start, i), sb.toString(), start);
    }

    /** CEL's escapes; code points are checked, so no escape yields half a surrogate pair. */
    private void escape(StringBuilder sb, char e) {
        int at = i - 2;
        switch (e) {
            case 'n' -> sb.append('\n');
            case 't' -> sb.append('\t');
            case 'r' -> sb.append('\r');
            case 'a' -> sb.append('\u0007');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'v' -> sb.append('\u000b');
            case '\\', '\'', '"', '`', '?' -> sb.append(e);
            case 'x', 'X' -> sb.appendCodePoint(codePoint(2, 16, at));
            case 'u' -> sb.appendCodePoint(codePoint(4, 16, at));
            case 'U' -> sb.appendCodePoint(codePoint(8, 16, at));
            case '0', '1', '2', '3' -> {
                i--;
                sb.appendCodePoint(codePoint(3, 8, at));
            }
            default -> throw error("unknown escape \\" + e, at);
        }
    }

    private int codePoint(int digits, int radix, int at) {
        if (i + digits > src.length()) {
            throw error("bad escape: needs " + digits + " digits", at);
        }
        long v = 0;
        for (int k = 0; k < digits; k++) {
            int d = Character.digit(src.charAt(i + k), radix);
            if (d < 0 || src.charAt(i + k) >= 128) {
                throw error("bad escape: needs " + digits + " digits", at);
            }
            v = v * radix + d;
        }
        i += digits;
        if (v > Character.MAX_CODE_POINT || v >= Character.MIN_SURROGATE && v <= Character.MAX_SURROGATE) {
            throw error(String.format("escape of an invalid code point U+%04X", v), at);
        }
        return (int) v;
    }
}
