package dev.supervisor.core.expr.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the RE2 syntax subset of {@code matches} and emits a {@link Regex} program. Everything is bounded before
 * work is done: pattern length, group nesting, repetition counts (at most 1,000, as RE2) and the size of the
 * program after repetitions are expanded, so nested counted repetitions cannot multiply into a huge program.
 */
final class RegexParser {
    static final int MAX_LENGTH = 4_096;
    static final int MAX_REPEAT = 1_000;
    static final int MAX_PROGRAM = 10_000;
    private static final int MAX_NESTING = 100;
    private static final int[] DIGIT = {'0', '9'};
    private static final int[] WORD = {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'};
    private static final int[] SPACE = {'\t', '\n', '\f', '\f', '\r', '\r', ' ', ' '};

    /** Syntax tree; each node knows its program size so expansion is checked before it happens. */
    sealed interface Re permits Leaf, Cat, Alt, Rep {
        long size();
    }

    record Leaf(int op, int arg, boolean fold, int[] ranges, boolean negated) implements Re {
        public long size() {
            return 1;
        }
    }

    record Cat(List<Re> items, long size) implements Re {
    }

    record Alt(List<Re> items, long size) implements Re {
    }

    record Rep(Re body, int min, int max, long size) implements Re {
    }

    /** Thrown with a reason; the caller adds the expression's position. */
    static final class BadRegex extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRegex(String reason) {
            super(reason, null, false, false);
        }
    }

    private final String p;
    private int i;
    private int depth;
    private boolean fold;
    private boolean multiline;
    private boolean dotAll;

    private RegexParser(String p) {
        this.p = p;
    }

    /** @throws BadRegex if the pattern is invalid, unsupported or too large */
    static Regex compile(String pattern) {
        if (pattern.length() > MAX_LENGTH) {
            throw new BadRegex("regular expression longer than " + MAX_LENGTH + " characters");
        }
        RegexParser parser = new RegexParser(pattern);
        Re re = parser.alt();
        if (parser.i < pattern.length()) {
            throw new BadRegex("unexpected ) in regular expression");
        }
        if (re.size() + 1 > MAX_PROGRAM) {
            throw new BadRegex("regular expression too large: more than " + MAX_PROGRAM
                    + " instructions once repetitions are expanded");
        }
        return new RegexEmitter((int) re.size() + 1).emitAll(re);
    }

    private static long sum(List<Re> items, long extra) {
        long s = extra;
        for (Re r : items) {
            s = Math.min(s + r.size(), Integer.MAX_VALUE);
        }
        return s;
    }

    private Re alt() {
        List<Re> items = new ArrayList<>();
        items.add(cat());
        while (i < p.length() && p.charAt(i) == '|') {
            i++;
            items.add(cat());
        }
        return items.size() == 1 ? items.get(0) : new Alt(items, sum(items, 2L * items.size()));
    }

    private Re cat() {
        List<Re> items = new ArrayList<>();
        while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
            Re atom = atom();
            if (atom != null) {
                items.add(repeat(atom));
            }
        }
        return new Cat(items, sum(items, 0));
    }

    private Re repeat(Re atom) {
        int min;
        int max;
        int start = i;
        if (i >= p.length()) {
            return atom;
        }
        char c = p.charAt(i);
        if (c == '*' || c == '+' || c == '?') {
            i++;
            min = c == '+' ? 1 : 0;
            max = c == '?' ? 1 : -1;
        } else if (c == '{' && counted()) {
            min = count();
            max = min;
            if (p.charAt(i) == ',') {
                max = p.charAt(i + 1) == '}' ? -1 : count();
                if (max < 0) {
                    i++;
                }
            }
            i++; // '}'
            if (min > MAX_REPEAT || max > MAX_REPEAT || max >= 0 && max < min) {
                throw new BadRegex("invalid repeat count " + p.substring(start, i) + " (at most " + MAX_REPEAT + ")");
            }
        } else {
            return atom;
        }
        if (i < p.length() && p.charAt(i) == '?') {
            i++; // lazy: the same language, and matches only asks whether there is a match
        }
        if (i < p.length() && ("*+?".indexOf(p.charAt(i)) >= 0 || p.charAt(i) == '{' && counted())) {
            throw new BadRegex("bad repetition operator " + p.substring(start, i + 1));
        }
        long body = atom.size();
        long size = max < 0 ? body * (min + 1L) + 2 : body * max + (long) (max - min);
        return new Rep(atom, min, max, Math.min(size, Integer.MAX_VALUE));
    }

    private boolean counted() {
        int j = i + 1;
        int digits = 0;
        while (j < p.length() && Character.isDigit(p.charAt(j)) && p.charAt(j) < 128) {
            j++;
            digits++;
        }
        if (digits == 0 || j >= p.length()) {
            return false;
        }
        if (p.charAt(j) == ',') {
            j++;
            while (j < p.length() && p.charAt(j) >= '0' && p.charAt(j) <= '9') {
                j++;
            }
        }
        return j < p.length() && p.charAt(j) == '}';
    }

    private int count() {
        i++; // '{' or ','
        long n = 0;
        while (p.charAt(i) >= '0' && p.charAt(i) <= '9') {
            n = Math.min(n * 10 + p.charAt(i++) - '0', Integer.MAX_VALUE);
        }
        return (int) n;
    }

    private Re atom() {
        int c = p.codePointAt(i);
        i += Character.charCount(c);
        switch (c) {
            case '(':
                return group();
            case '[':
                return charClass();
            case '.':
                return new Leaf(dotAll ? Regex.ANY : Regex.ANY_NOT_NL, 0, false, null, false);
            case '^':
                return new Leaf(multiline ? Regex.BOL : Regex.BOT, 0, false, null, false);
            case '$':
                return new Leaf(multiline ? Regex.EOL : Regex.EOT, 0, false, null, false);
            case '*':
            case '+':
            case '?':
                throw new BadRegex("missing argument to repetition operator " + (char) c);
            case '\\':
                return escape(false);
            default:
                return new Leaf(Regex.CHAR, c, fold, null, false);
        }
    }

    private Re group() {
        if (++depth > MAX_NESTING) {
            throw new BadRegex("regular expression nests deeper than " + MAX_NESTING + " groups");
        }
        boolean f = fold;
        boolean m = multiline;
        boolean s = dotAll;
        if (p.startsWith("?", i)) {
            i++;
            if (p.startsWith("P<", i) || p.startsWith("<", i)) {
                int end = p.indexOf('>', i);
                if (end < 0 || p.startsWith("<=", i) || p.startsWith("<!", i)) {
                    throw new BadRegex("lookbehind and backreferences are not supported in regular expressions");
                }
                i = end + 1;
            } else if (flags()) {
                depth--;
                return null; // (?i) and friends apply to the rest of the enclosing group
            }
        }
        Re inner = alt();
        if (i >= p.length() || p.charAt(i) != ')') {
            throw new BadRegex("missing ) in regular expression");
        }
        i++;
        fold = f;
        multiline = m;
        dotAll = s;
        depth--;
        return inner;
    }

    /** Parses flags after "(?"; returns true for "(?flags)", false for "(?flags:" (a group follows). */
    private boolean flags() {
        boolean on = true;
        while (i < p.length()) {
            char c = p.charAt(i++);
            switch (c) {
                case 'i' -> fold = on;
                case 'm' -> multiline = on;
                case 's' -> dotAll = on;
                case 'U' -> {
                    // ungreedy: the same language
                }
                case '-' -> on = false;
                case ')' -> {
                    return true;
                }
                case ':' -> {
                    return false;
                }
                default -> throw new BadRegex("unsupported group (?" + c
                        + " in regular expression: lookaround and atomic groups need backtracking");
            }
        }
        throw new BadRegex("missing ) in regular expression");
    }

    private Re escape(boolean inClass) {
        if (i >= p.length()) {
            throw new BadRegex("trailing \\ in regular expression");
        }
        char c = p.charAt(i++);
        int[] set = switch (c) {
            case 'd', 'D' -> DIGIT;
            case 'w', 'W' -> WORD;
            case 's', 'S' -> SPACE;
            default -> null;
        };
        if (set != null) {
            return new Leaf(Regex.CLASS, 0, false, set, Character.isUpperCase(c));
        }
        if (!inClass && "bBAz".indexOf(c) >= 0) {
            int op = c == 'b' ? Regex.WORD_BOUNDARY : c == 'B' ? Regex.NOT_WORD_BOUNDARY : c == 'A' ? Regex.BOT
                    : Regex.EOT;
            return new Leaf(op, 0, false, null, false);
        }
        int lit = switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'f' -> '\f';
            case 'v' -> 0x0B;
            case 'a' -> 0x07;
            case 'x' -> hex();
            default -> {
                if (c < 128 && !Character.isLetterOrDigit(c)) {
                    yield c; // escaped punctuation is itself
                }
                throw new BadRegex("unsupported escape \\" + c + " in regular expression");
            }
        };
        return new Leaf(Regex.CHAR, lit, fold, null, false);
    }

    private int hex() {
        int end;
        int start;
        if (p.startsWith("{", i)) {
            start = i + 1;
            end = p.indexOf('}', start);
            if (end < 0 || end - start > 6) {
                throw new BadRegex("bad \\x{...} escape in regular expression");
            }
            i = end + 1;
        } else {
            start = i;
            end = i + 2;
            i = end;
        }
        try {
            int v = Integer.parseInt(p.substring(start, Math.min(end, p.length())), 16);
            if (end > p.length() || v > Character.MAX_CODE_POINT || p.charAt(start) == '+' || p.charAt(start) == '-') {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new BadRegex("bad \\x escape in regular expression");
        }
    }

    private Re charClass() {
        boolean neg = p.startsWith("^", i);
        if (neg) {
            i++;
        }
        List<Integer> r = new ArrayList<>();
        boolean first = true;
        while (i < p.length() && (p.charAt(i) != ']' || first)) {
            first = false;
            if (p.startsWith("[:", i)) {
                throw new BadRegex("POSIX classes such as [:alpha:] are not supported in regular expressions");
            }
            int lo = classChar(r);
            if (lo < 0) {
                continue; // \d and friends were added whole
            }
            int hi = lo;
            if (p.startsWith("-", i) && i + 1 < p.length() && p.charAt(i + 1) != ']') {
                i++;
                hi = classChar(r);
                if (hi < lo) {
                    throw new BadRegex("bad character class range in regular expression");
                }
            }
            r.add(lo);
            r.add(hi);
        }
        if (i >= p.length()) {
            throw new BadRegex("missing ] in regular expression");
        }
        i++;
        int[] ranges = r.stream().mapToInt(Integer::intValue).toArray();
        return new Leaf(Regex.CLASS, 0, fold, ranges, neg);
    }

    /** @return the next class character, or -1 after adding a whole escaped set such as \d to {@code r} */
    private int classChar(List<Integer> r) {
        int c = p.codePointAt(i);
        i += Character.charCount(c);
        if (c != '\\') {
            return c;
        }
        Leaf e = (Leaf) escape(true);
        if (e.op() == Regex.CHAR) {
            return e.arg();
        }
        if (e.negated()) {
            throw new BadRegex("negated classes such as \\D are not supported inside [...] in regular expressions");
        }
        for (int v : e.ranges()) {
            r.add(v);
        }
        return -1;
    }
}
