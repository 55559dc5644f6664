package dev.supervisor.api.plugin;

import java.util.Objects;

/**
 * A version as defined by Semantic Versioning 2.0.0: {@code MAJOR.MINOR.PATCH}, an optional pre-release after
 * {@code -} and optional build metadata after {@code +}. Ordering follows the specification's precedence rules
 * (a pre-release sorts before its release; build metadata is ignored), and so do {@link #equals} and
 * {@link #hashCode}: {@code 1.0.0+a} equals {@code 1.0.0+b}. {@link #toString()} gives the text back.
 */
public final class SemanticVersion implements Comparable<SemanticVersion> {
    private final int major;
    private final int minor;
    private final int patch;
    private final String[] preRelease;
    private final String build;

    private SemanticVersion(int major, int minor, int patch, String[] preRelease, String build) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.preRelease = preRelease;
        this.build = build;
    }

    /**
     * @param major the major version, zero or positive
     * @param minor the minor version, zero or positive
     * @param patch the patch version, zero or positive
     * @return the release version
     * @throws IllegalArgumentException if a part is negative
     */
    public static SemanticVersion of(int major, int minor, int patch) {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version parts must not be negative but were " + major + "."
                    + minor + "." + patch);
        }
        return new SemanticVersion(major, minor, patch, new String[0], "");
    }

    /**
     * Parses a complete version such as {@code 1.4.0}, {@code 2.0.0-rc.1} or {@code 1.0.0+build.7}.
     *
     * @param text the version
     * @return the version
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static SemanticVersion parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        int plus = s.indexOf('+');
        String build = plus < 0 ? "" : s.substring(plus + 1);
        String rest = plus < 0 ? s : s.substring(0, plus);
        int dash = rest.indexOf('-');
        String core = dash < 0 ? rest : rest.substring(0, dash);
        String[] parts = core.split("\\.", -1);
        if (parts.length != 3) {
            throw invalid(text, "expected MAJOR.MINOR.PATCH");
        }
        int[] numbers = new int[3];
        for (int i = 0; i < 3; i++) {
            numbers[i] = number(text, parts[i]);
        }
        String[] pre = new String[0];
        if (dash >= 0) {
            pre = rest.substring(dash + 1).split("\\.", -1);
            for (String id : pre) {
                identifier(text, id, "pre-release");
                if (isNumeric(id) && id.length() > 1 && id.charAt(0) == '0') {
                    throw invalid(text, "numeric pre-release identifier '" + id + "' has a leading zero");
                }
            }
        }
        if (plus >= 0) {
            for (String id : build.split("\\.", -1)) {
                identifier(text, id, "build");
            }
        }
        return new SemanticVersion(numbers[0], numbers[1], numbers[2], pre, build);
    }

    static int number(String text, String part) {
        if (part.isEmpty() || !isNumeric(part)) {
            throw invalid(text, "'" + part + "' is not a number");
        }
        if (part.length() > 1 && part.charAt(0) == '0') {
            throw invalid(text, "'" + part + "' has a leading zero");
        }
        if (part.length() > 9) {
            throw invalid(text, "'" + part + "' is too large");
        }
        return Integer.parseInt(part);
    }

    private static void identifier(String text, String id, String what) {
        if (id.isEmpty()) {
            throw invalid(text, "empty " + what + " identifier");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-')) {
                throw invalid(text, what + " identifier '" + id + "' may only hold [0-9A-Za-z-]");
            }
        }
    }

    private static boolean isNumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static IllegalArgumentException invalid(String text, String reason) {
        return new IllegalArgumentException("'" + text + "' is not a semantic version: " + reason);
    }

    /** @return the major version */
    public int major() {
        return major;
    }

    /** @return the minor version */
    public int minor() {
        return minor;
    }

    /** @return the patch version */
    public int patch() {
        return patch;
    }

    /** @return the pre-release part without its dash ({@code rc.1}), or "" */
    public String preRelease() {
        return String.join(".", preRelease);
    }

    /** @return the build metadata without its plus sign, or "" */
    public String build() {
        return build;
    }

    /** @return true if this is a pre-release */
    public boolean isPreRelease() {
        return preRelease.length > 0;
    }

    /** @return the lowest version of this major.minor.patch: {@code X.Y.Z-0}, below every pre-release of it */
    SemanticVersion lowestPreRelease() {
        return new SemanticVersion(major, minor, patch, new String[] {"0"}, "");
    }

    @Override
    public int compareTo(SemanticVersion o) {
        int c = Integer.compare(major, o.major);
        c = c != 0 ? c : Integer.compare(minor, o.minor);
        c = c != 0 ? c : Integer.compare(patch, o.patch);
        if (c != 0) {
            return c;
        }
        if (preRelease.length == 0 || o.preRelease.length == 0) {
            return Integer.compare(o.preRelease.length, preRelease.length); // a release beats its pre-releases
        }
        for (int i = 0; i < Math.min(preRelease.length, o.preRelease.length); i++) {
            String a = preRelease[i];
            String b = o.preRelease[i];
            boolean an = isNumeric(a);
            boolean bn = isNumeric(b);
            if (an && bn) {
                c = a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
            } else {
                c = an ? -1 : bn ? 1 : a.compareTo(b); // numeric identifiers sort before alphanumeric ones
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(preRelease.length, o.preRelease.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SemanticVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, patch, preRelease());
    }

    @Override
    public String toString() {
        String s = major + "." + minor + "." + patch;
        s = preRelease.length == 0 ? s : s + "-" + preRelease();
        return build.isEmpty() ? s : s + "+" + build;
    }
}
