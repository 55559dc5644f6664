package dev.supervisor.core.expr.internal;

/** String operations with costs proportional to what they read, and excerpts that never split a surrogate pair. */
final class Text {
    /** Needles up to this length use String.indexOf: at most this many comparisons per character of input. */
    private static final int SHORT_NEEDLE = 8;

    private Text() {
    }

    /** Substring search in linear time (Knuth-Morris-Pratt for long needles), charged by what it reads. */
    static boolean contains(Env env, int pos, String s, String needle) {
        int n = s.length();
        int m = needle.length();
        if (m > n) {
            env.tick(pos);
            return false;
        }
        if (m <= SHORT_NEEDLE) {
            env.chargeChars(pos, (long) n * Math.max(m, 1) / 2);
            return s.contains(needle);
        }
        env.chargeChars(pos, 2L * n + m);
        int[] fail = new int[m];
        for (int i = 1, k = 0; i < m; i++) {
            while (k > 0 && needle.charAt(i) != needle.charAt(k)) {
                k = fail[k - 1];
            }
            if (needle.charAt(i) == needle.charAt(k)) {
                k++;
            }
            fail[i] = k;
        }
        for (int i = 0, k = 0; i < n; i++) {
            while (k > 0 && s.charAt(i) != needle.charAt(k)) {
                k = fail[k - 1];
            }
            if (s.charAt(i) == needle.charAt(k)) {
                k++;
            }
            if (k == m) {
                return true;
            }
        }
        return false;
    }

    /** Equality charged by length beyond the caller's step (strings of different lengths differ at once). */
    static boolean equal(Env env, int pos, String a, String b) {
        if (a.length() == b.length() && a.length() >= 8) {
            env.charge(pos, a.length() >> 3);
        }
        return a.equals(b);
    }

    /** Order by Unicode code point, as CEL (UTF-16 order differs above U+FFFF), charged by the common prefix. */
    static int compare(Env env, int pos, String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        env.chargeChars(pos, i);
        if (i == n) {
            return Integer.compare(a.length(), b.length());
        }
        // Back up to the start of a pair so both sides compare whole code points.
        if (i > 0 && Character.isHighSurrogate(a.charAt(i - 1))) {
            i--;
        }
        return Integer.compare(a.codePointAt(i), b.codePointAt(i));
    }

    /** The code point at index {@code index} of {@code s}, as a string; charged by the index. */
    static String codePointAt(Env env, int pos, String s, long index) {
        env.chargeChars(pos, s.length());
        int count = s.codePointCount(0, s.length());
        if (index < 0 || index >= count) {
            throw env.error(pos, "index " + index + " out of range [0, " + count + ")");
        }
        int at = s.offsetByCodePoints(0, (int) index);
        return new String(Character.toChars(s.codePointAt(at)));
    }

    /** At most 40 characters of {@code s} for a message, cut before a pair rather than through it. */
    static String excerpt(String s) {
        if (s.length() <= 40) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(39)) ? 39 : 40;
        return s.substring(0, end) + "\u2026";
    }
}
