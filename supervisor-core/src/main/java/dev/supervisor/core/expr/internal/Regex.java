package dev.supervisor.core.expr.internal;

/**
 * A compiled regular expression in the RE2 subset, matched by simulating all NFA states at once: time is linear in
 * input length times program size whatever the pattern, zero-width loops included (each state is visited at most
 * once per input position), and every state visited is charged to the evaluation's budget. Backreferences and
 * lookaround, which need backtracking, are not part of the syntax (see {@link RegexParser}).
 */
final class Regex {
    static final int CHAR = 0;
    static final int ANY = 1;
    static final int ANY_NOT_NL = 2;
    static final int CLASS = 3;
    static final int SPLIT = 4;
    static final int JMP = 5;
    static final int BOL = 6;
    static final int EOL = 7;
    static final int BOT = 8;
    static final int EOT = 9;
    static final int WORD_BOUNDARY = 10;
    static final int NOT_WORD_BOUNDARY = 11;
    static final int MATCH = 12;

    /** Instruction visits per charged step: a visit costs a few nanoseconds, a step about as much as a node. */
    private static final int VISITS_PER_STEP = 2;

    final int[] op;
    final int[] arg;
    final int[] arg2;
    final boolean[] fold;
    final int[][] ranges;
    final boolean[] negated;
    final int size;

    Regex(int[] op, int[] arg, int[] arg2, boolean[] fold, int[][] ranges, boolean[] negated, int size) {
        this.op = op;
        this.arg = arg;
        this.arg2 = arg2;
        this.fold = fold;
        this.ranges = ranges;
        this.negated = negated;
        this.size = size;
    }

    /** @return whether the pattern matches anywhere in {@code s} (RE2's partial match, as CEL's matches) */
    boolean find(String s, Env env, int pos) {
        env.charge(pos, 1 + size / 4); // the state arrays below
        int[] cur = new int[size];
        int curSize = 0;
        int[] next = new int[size];
        int[] run = new int[size];
        int[] stack = new int[size];
        int[] seen = new int[size]; // generation stamps: seen[pc] == gen means visited at this position
        int gen = 0;
        long work = 0;
        int len = s.length();
        for (int i = 0;;) {
            gen++;
            int runSize = 0;
            int sp = 0;
            stack[sp++] = 0;
            seen[0] = gen;
            for (int k = 0; k < curSize; k++) {
                if (seen[cur[k]] != gen) {
                    seen[cur[k]] = gen;
                    stack[sp++] = cur[k];
                }
            }
            while (sp > 0) {
                int pc = stack[--sp];
                work++;
                int o = op[pc];
                int follow = -1;
                int follow2 = -1;
                switch (o) {
                    case MATCH -> {
                        env.charge(pos, work / VISITS_PER_STEP);
                        return true;
                    }
                    case JMP -> follow = arg[pc];
                    case SPLIT -> {
                        follow = arg[pc];
                        follow2 = arg2[pc];
                    }
                    case CHAR, ANY, ANY_NOT_NL, CLASS -> run[runSize++] = pc;
                    default -> follow = holds(o, s, i) ? pc + 1 : -1;
                }
                if (follow >= 0 && seen[follow] != gen) {
                    seen[follow] = gen;
                    stack[sp++] = follow;
                }
                if (follow2 >= 0 && seen[follow2] != gen) {
                    seen[follow2] = gen;
                    stack[sp++] = follow2;
                }
            }
            if (i >= len) {
                env.charge(pos, work / VISITS_PER_STEP);
                return false;
            }
            int c = s.codePointAt(i);
            int nextSize = 0;
            for (int k = 0; k < runSize; k++) {
                int pc = run[k];
                if (consumes(pc, c)) {
                    next[nextSize++] = pc + 1;
                }
            }
            work += runSize + 1;
            if (work >= 1024) {
                env.charge(pos, work / VISITS_PER_STEP);
                work %= VISITS_PER_STEP;
            }
            int[] t = cur;
            cur = next;
            next = t;
            curSize = nextSize;
            i += Character.charCount(c);
        }
    }

    private boolean consumes(int pc, int c) {
        switch (op[pc]) {
            case CHAR:
                return c == arg[pc] || fold[pc] && fold(c) == fold(arg[pc]);
            case ANY:
                return true;
            case ANY_NOT_NL:
                return c != '\n';
            default:
                boolean in = inRanges(ranges[pc], c) || fold[pc] && (inRanges(ranges[pc], Character.toLowerCase(c))
                        || inRanges(ranges[pc], Character.toUpperCase(c)));
                return in != negated[pc];
        }
    }

    static int fold(int c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    private static boolean inRanges(int[] r, int c) {
        for (int k = 0; k < r.length; k += 2) {
            if (c >= r[k] && c <= r[k + 1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(int o, String s, int i) {
        return switch (o) {
            case BOT -> i == 0;
            case EOT -> i == s.length();
            case BOL -> i == 0 || s.charAt(i - 1) == '\n';
            case EOL -> i == s.length() || s.charAt(i) == '\n';
            case WORD_BOUNDARY -> word(s, i - 1) != word(s, i);
            default -> word(s, i - 1) == word(s, i); // NOT_WORD_BOUNDARY
        };
    }

    /** RE2's \b and \w are ASCII: [0-9A-Za-z_]. */
    private static boolean word(String s, int i) {
        if (i < 0 || i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }
}
