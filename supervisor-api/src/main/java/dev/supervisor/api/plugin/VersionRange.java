package dev.supervisor.api.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A set of {@link SemanticVersion}s written as comparators, the notation of npm and PF4J:
 * <ul>
 *   <li>{@code >=1.2 <2}, {@code >=1.2.0 & <2.0.0}: every comparator must hold (space, {@code &} or {@code ,});</li>
 *   <li>{@code 1.x || >=3}: either side may hold;</li>
 *   <li>operators {@code >=}, {@code >}, {@code <=}, {@code <}, {@code =}; a bare version means {@code =};</li>
 *   <li>{@code ^1.2.3} is {@code >=1.2.3 <2.0.0-0} ({@code ^0.2.3}: {@code <0.3.0-0}), {@code ~1.2.3} is
 *       {@code >=1.2.3 <1.3.0-0};</li>
 *   <li>missing parts are wildcards: {@code 1.2} (or {@code 1.2.x}) is {@code >=1.2.0 <1.3.0-0}, {@code <2} is
 *       {@code <2.0.0-0} (so {@code 2.0.0-rc.1} is not below 2), {@code >1.2} is {@code >=1.3.0-0};</li>
 *   <li>{@code *}, {@code x} or an empty text allow every version.</li>
 * </ul>
 * Otherwise versions compare by SemVer precedence, pre-releases included.
 */
public final class VersionRange {
    private static final VersionRange ANY = new VersionRange("*", List.of(List.of()));

    /** One comparator: {@code op} is one of {@code >= > <= <}. */
    private record Bound(String op, SemanticVersion version) {
        boolean test(SemanticVersion v) {
            int c = v.compareTo(version);
            return switch (op) {
                case ">=" -> c >= 0;
                case ">" -> c > 0;
                case "<=" -> c <= 0;
                default -> c < 0;
            };
        }
    }

    private final String text;
    private final List<List<Bound>> alternatives;

    private VersionRange(String text, List<List<Bound>> alternatives) {
        this.text = text;
        this.alternatives = alternatives;
    }

    /** @return the range that allows every version */
    public static VersionRange any() {
        return ANY;
    }

    /**
     * @param text the range, e.g. {@code >=1.0 <2}
     * @return the range
     * @throws IllegalArgumentException naming the part that is not understood
     */
    public static VersionRange parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        if (s.isEmpty() || s.equals("*") || s.equalsIgnoreCase("x")) {
            return ANY;
        }
        List<List<Bound>> alternatives = new ArrayList<>();
        for (String alternative : s.split("\\|\\|", -1)) {
            List<Bound> all = new ArrayList<>();
            String[] tokens = alternative.replace('&', ' ').replace(',', ' ').strip().split("\\s+");
            for (int i = 0; i < tokens.length; i++) {
                String t = tokens[i];
                if (t.isEmpty()) {
                    throw invalid(text, "an empty alternative");
                }
                // ">= 1.2" with a space: the operator stands alone
                if (isOperator(t) && i + 1 < tokens.length) {
                    t = t + tokens[++i];
                }
                comparator(text, t, all);
            }
            alternatives.add(List.copyOf(all));
        }
        return new VersionRange(s, List.copyOf(alternatives));
    }

    private static boolean isOperator(String t) {
        return t.equals(">=") || t.equals(">") || t.equals("<=") || t.equals("<") || t.equals("=") || t.equals("^")
                || t.equals("~");
    }

    private static void comparator(String text, String t, List<Bound> out) {
        String op = t.startsWith(">=") || t.startsWith("<=") ? t.substring(0, 2)
                : t.startsWith(">") || t.startsWith("<") || t.startsWith("=") || t.startsWith("^")
                        || t.startsWith("~") ? t.substring(0, 1) : "";
        String v = t.substring(op.length());
        if (v.equals("*") || v.equalsIgnoreCase("x")) {
            if (!op.isEmpty() && !op.equals("=") && !op.equals(">=")) {
                throw invalid(text, "'" + t + "' has nothing to compare with");
            }
            return; // any version
        }
        Partial p = Partial.parse(text, v);
        if (p.parts == 3) {
            SemanticVersion full = p.version;
            switch (op) {
                case "", "=" -> {
                    out.add(new Bound(">=", full));
                    out.add(new Bound("<=", full));
                }
                case "^" -> {
                    out.add(new Bound(">=", full));
                    out.add(new Bound("<", caretCeiling(full)));
                }
                case "~" -> {
                    out.add(new Bound(">=", full));
                    out.add(new Bound("<", SemanticVersion.of(full.major(), full.minor() + 1, 0).lowestPreRelease()));
                }
                default -> out.add(new Bound(op, full));
            }
            return;
        }
        // A partial version stands for the whole interval [floor, ceiling) it leaves open.
        SemanticVersion floor = p.version;
        SemanticVersion ceiling = (p.parts == 1 ? SemanticVersion.of(floor.major() + 1, 0, 0)
                : SemanticVersion.of(floor.major(), floor.minor() + 1, 0)).lowestPreRelease();
        switch (op) {
            case ">=" -> out.add(new Bound(">=", floor));
            case ">" -> out.add(new Bound(">=", ceiling));
            case "<" -> out.add(new Bound("<", floor.lowestPreRelease()));
            case "<=" -> out.add(new Bound("<", ceiling));
            case "^" -> {
                out.add(new Bound(">=", floor));
                out.add(new Bound("<", p.parts == 2 && floor.major() > 0 ? caretCeiling(floor) : ceiling));
            }
            default -> {
                out.add(new Bound(">=", floor));
                out.add(new Bound("<", ceiling));
            }
        }
    }

    private static SemanticVersion caretCeiling(SemanticVersion v) {
        SemanticVersion c = v.major() > 0 ? SemanticVersion.of(v.major() + 1, 0, 0)
                : v.minor() > 0 ? SemanticVersion.of(0, v.minor() + 1, 0) : SemanticVersion.of(0, 0, v.patch() + 1);
        return c.lowestPreRelease();
    }

    /** A version of one, two or three parts; {@code 1.2.x} counts as two. */
    private record Partial(SemanticVersion version, int parts) {
        static Partial parse(String text, String v) {
            if (v.isEmpty()) {
                throw invalid(text, "an operator without a version");
            }
            String[] parts = v.split("\\.", -1);
            int n = parts.length;
            while (n > 1 && (parts[n - 1].equals("*") || parts[n - 1].equalsIgnoreCase("x"))) {
                n--;
            }
            if (n == 3 || parts.length > 3) {
                try {
                    return new Partial(SemanticVersion.parse(v), 3);
                } catch (IllegalArgumentException e) {
                    throw invalid(text, e.getMessage());
                }
            }
            int[] numbers = new int[3];
            for (int i = 0; i < n; i++) {
                try {
                    numbers[i] = SemanticVersion.number(v, parts[i]);
                } catch (IllegalArgumentException e) {
                    throw invalid(text, "'" + v + "' is not a version: '" + parts[i] + "' is not a number");
                }
            }
            return new Partial(SemanticVersion.of(numbers[0], numbers[1], numbers[2]), n);
        }
    }

    private static IllegalArgumentException invalid(String text, String reason) {
        return new IllegalArgumentException("version range '" + text + "' is not valid: " + reason);
    }

    /**
     * @param version a version
     * @return true if the range allows it
     */
    public boolean contains(SemanticVersion version) {
        Objects.requireNonNull(version, "version");
        for (List<Bound> all : alternatives) {
            boolean ok = true;
            for (int i = 0; i < all.size() && ok; i++) {
                ok = all.get(i).test(version);
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }

    /** @return true if this range allows every version */
    public boolean isAny() {
        return this == ANY;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionRange r && alternatives.equals(r.alternatives);
    }

    @Override
    public int hashCode() {
        return alternatives.hashCode();
    }

    /** @return the range as written (trimmed) */
    @Override
    public String toString() {
        return text;
    }
}
