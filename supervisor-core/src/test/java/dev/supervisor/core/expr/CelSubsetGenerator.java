package dev.supervisor.core.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random well-typed expressions of the subset shared with CEL (see {@link ExpressionCelDifferentialTest}). */
final class CelSubsetGenerator {
    private static final String[] INTS = {"0", "1", "-1", "2", "3", "7", "-5", "10", "100", "9223372036854775807",
        "-9223372036854775808", "4611686018427387904", "0x10"};
    private static final String[] DOUBLES = {"0.0", "-0.0", "0.5", "2.5", "-1.25", "1e300", "1e-300", "3.0",
        "double('NaN')", "double('Infinity')", "1.5e3"};
    private static final String[] STRINGS = {"''", "'a'", "'abc'", "'h\\u00e9llo'", "'\\U0001F600'", "\"x'y\"",
        "'A'", "'b'", "'\\u00ff'", "'ab\\ncd'", "'10'", "'-3'", "'2.5'", "'x1'", "'1e2'"};
    private static final String[] PATTERNS = {"'a'", "'^a'", "'c$'", "'^h.l'", "'[a-c]+'", "'\\\\d'", "'l{2}'",
        "'(?i)A'", "'^$'", "'x|b'", "'\\\\w+\\\\s?'", "'.'", "'(a|b)*c'", "'[^a]'"};

    private final SplittableRandom rnd;
    private final List<String> intLocals = new ArrayList<>();
    private int locals;

    CelSubsetGenerator(SplittableRandom rnd) {
        this.rnd = rnd;
    }

    String next() {
        intLocals.clear();
        return switch (rnd.nextInt(5)) {
            case 0 -> integer(3);
            case 1 -> dbl(3);
            case 2 -> str(3);
            case 3 -> list(3);
            default -> bool(4);
        };
    }

    private String pick(String[] a) {
        return a[rnd.nextInt(a.length)];
    }

    private String integer(int d) {
        int k = d <= 0 ? rnd.nextInt(3) : rnd.nextInt(16);
        return switch (k) {
            case 0 -> pick(INTS);
            case 1 -> intLocals.isEmpty() ? "x" : intLocals.get(rnd.nextInt(intLocals.size()));
            case 2 -> "x";
            case 3 -> "(" + integer(d - 1) + " + " + integer(d - 1) + ")";
            case 4 -> "(" + integer(d - 1) + " - " + integer(d - 1) + ")";
            case 5 -> "(" + integer(d - 1) + " * " + integer(d - 1) + ")";
            case 6 -> "(" + integer(d - 1) + " / " + integer(d - 1) + ")";
            case 7 -> "(" + integer(d - 1) + " % " + integer(d - 1) + ")";
            case 8 -> "-(" + integer(d - 1) + ")";
            case 9 -> "size(" + (rnd.nextBoolean() ? str(d - 1) : list(d - 1)) + ")";
            case 10 -> "int(" + dbl(d - 1) + ")";
            case 11 -> "(" + bool(d - 1) + " ? " + integer(d - 1) + " : " + integer(d - 1) + ")";
            case 12 -> list(d - 1) + "[" + integer(d - 1) + "]";
            case 13 -> "m[" + str(d - 1) + "]";
            case 14 -> "int(" + str(d - 1) + ")";
            default -> "l[" + pick(new String[] {"0", "1", "2", "3", "-1"}) + "]";
        };
    }

    private String dbl(int d) {
        int k = d <= 0 ? rnd.nextInt(2) : rnd.nextInt(10);
        return switch (k) {
            case 0 -> pick(DOUBLES);
            case 1 -> "y";
            case 2 -> "(" + dbl(d - 1) + " + " + dbl(d - 1) + ")";
            case 3 -> "(" + dbl(d - 1) + " - " + dbl(d - 1) + ")";
            case 4 -> "(" + dbl(d - 1) + " * " + dbl(d - 1) + ")";
            case 5 -> "(" + dbl(d - 1) + " / " + dbl(d - 1) + ")";
            case 6 -> "-(" + dbl(d - 1) + ")";
            case 7 -> "double(" + integer(d - 1) + ")";
            case 8 -> "double(" + str(d - 1) + ")";
            default -> "(" + bool(d - 1) + " ? " + dbl(d - 1) + " : " + dbl(d - 1) + ")";
        };
    }

    private String str(int d) {
        int k = d <= 0 ? rnd.nextInt(2) : rnd.nextInt(6);
        return switch (k) {
            case 0 -> pick(STRINGS);
            case 1 -> "s";
            case 2 -> "(" + str(d - 1) + " + " + str(d - 1) + ")";
            case 3 -> "string(" + integer(d - 1) + ")";
            case 4 -> "string(" + bool(d - 1) + ")";
            default -> "(" + bool(d - 1) + " ? " + str(d - 1) + " : " + str(d - 1) + ")";
        };
    }

    private String list(int d) {
        int k = d <= 0 ? rnd.nextInt(2) : rnd.nextInt(6);
        return switch (k) {
            case 0 -> "l";
            case 1 -> "[" + (d <= 0 ? "1, 2" : integer(d - 1) + ", " + integer(d - 1)) + "]";
            case 2 -> "(" + list(d - 1) + " + " + list(d - 1) + ")";
            case 3 -> macro(d, "map", true);
            case 4 -> macro(d, "filter", false);
            default -> "[x]"; // not [] : an empty literal leaves a macro variable untyped for the checker
        };
    }

    private String macro(int d, String kind, boolean intBody) {
        String target = list(d - 1);
        String v = "v" + locals++;
        intLocals.add(v);
        String body = intBody ? integer(d - 1) : bool(d - 1);
        intLocals.remove(v);
        return target + "." + kind + "(" + v + ", " + body + ")";
    }

    private String bool(int d) {
        int k = d <= 0 ? rnd.nextInt(2) : rnd.nextInt(20);
        return switch (k) {
            case 0 -> rnd.nextBoolean() ? "true" : "false";
            case 1 -> "(x > " + pick(INTS) + ")";
            case 2 -> "(" + integer(d - 1) + " " + relation() + " " + integer(d - 1) + ")";
            case 3 -> "(" + dbl(d - 1) + " " + relation() + " " + dbl(d - 1) + ")";
            // Small ints and plain doubles only: cel-java orders int against double with Double.compare-like
            // rules (NaN above all, -0.0 below 0) and rounds ints beyond 2^53; the spec and this language do not.
            case 4 -> "(" + pick(new String[] {"0", "1", "-3", "x"}) + " " + order() + " "
                    + pick(new String[] {"0.5", "2.5", "-1.25", "3.0", "1e300", "y", "7.0"}) + ")";
            case 5 -> "(" + str(d - 1) + " " + relation() + " " + str(d - 1) + ")";
            case 6 -> "(" + bool(d - 1) + " && " + bool(d - 1) + ")";
            case 7 -> "(" + bool(d - 1) + " || " + bool(d - 1) + ")";
            case 8 -> "!" + bool(d - 1);
            case 9 -> "(" + integer(d - 1) + " in " + list(d - 1) + ")";
            case 10 -> "(" + str(d - 1) + " in m)";
            case 11 -> str(d - 1) + ".startsWith(" + str(d - 1) + ")";
            case 12 -> str(d - 1) + ".endsWith(" + str(d - 1) + ")";
            case 13 -> str(d - 1) + ".contains(" + str(d - 1) + ")";
            case 14 -> str(d - 1) + ".matches(" + pick(PATTERNS) + ")";
            case 15 -> macro(d, "exists", false);
            case 16 -> macro(d, "all", false);
            case 17 -> "has(m." + (rnd.nextBoolean() ? "a" : "z") + ")";
            case 18 -> "(" + list(d - 1) + " == " + list(d - 1) + ")";
            default -> "(" + bool(d - 1) + " ? " + bool(d - 1) + " : " + bool(d - 1) + ")";
        };
    }

    private String relation() {
        return pick(new String[] {"==", "!=", "<", "<=", ">", ">="});
    }

    private String order() {
        return pick(new String[] {"<", "<=", ">", ">="});
    }
}
