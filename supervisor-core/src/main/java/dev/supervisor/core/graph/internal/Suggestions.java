package dev.supervisor.core.graph.internal;

/**
 * "Did you mean" for names typed by hand: the candidate at the smallest optimal-string-alignment distance
 * (Damerau–Levenshtein where each edit is one insertion, deletion, substitution or swap of adjacent characters, and
 * no part is edited twice), if it is within {@link #maxDistance}. Among equally close candidates the first offered
 * wins, so the answer depends only on the candidates and their order.
 *
 * <p>Built for scanning many candidates: a length test and a test of which characters the two names use reject
 * most of them cheaply, and the distance is computed row by row and abandoned once it cannot come under the best
 * found so far.
 */
public final class Suggestions {
    private final String typed;
    /** The characters of the typed name, hashed to 64 bits. */
    private final long typedChars;
    private String best;
    /** The largest distance still worth finding: the cut-off at first, then one less than the best so far. */
    private int limit;
    private int[] prev2 = new int[0];
    private int[] prev = new int[0];
    private int[] cur = new int[0];

    private Suggestions(String typed) {
        this.typed = typed;
        this.typedChars = chars(typed);
        this.limit = maxDistance(typed.length());
    }

    /**
     * @param typed the name that matched nothing
     * @return a search for the candidate closest to it; {@link #offer} them in a deterministic order
     */
    public static Suggestions of(String typed) {
        return new Suggestions(typed);
    }

    /**
     * @param typed the name that matched nothing
     * @param candidates the names it may have meant, in a deterministic order
     * @return the closest candidate within the cut-off (the first of equally close ones), or null
     */
    public static String closest(String typed, Iterable<String> candidates) {
        Suggestions s = of(typed);
        for (String c : candidates) {
            s.offer(c);
        }
        return s.best();
    }

    /**
     * The most edits for which a name of this length is still suggested: none up to 2 characters (any short name
     * is one edit from many others), one up to 5, two beyond. A pair is judged by the shorter of its two names.
     *
     * @param length the length of the shorter name
     * @return the largest accepted distance
     */
    public static int maxDistance(int length) {
        return length <= 2 ? 0 : length <= 5 ? 1 : 2;
    }

    /**
     * @param suggestion a suggestion, or null
     * @return {@code "; did you mean 'x'?"}, or {@code ""} when there is none
     */
    public static String didYouMean(String suggestion) {
        return suggestion == null ? "" : "; did you mean '" + suggestion + "'?";
    }

    /**
     * @param candidate a name the typed one may have meant
     */
    public void offer(String candidate) {
        int la = typed.length();
        int lb = candidate.length();
        int max = Math.min(limit, maxDistance(Math.min(la, lb)));
        if (Math.abs(la - lb) > max || best != null && limit < 0) {
            return;
        }
        // Each edit brings in or removes at most one kind of character, so more kinds than edits that one name
        // has and the other lacks rule the pair out (hash collisions only hide differences: still a sound test).
        long other = chars(candidate);
        if (Long.bitCount(typedChars & ~other) > max || Long.bitCount(other & ~typedChars) > max) {
            return;
        }
        int d = distance(candidate, max);
        if (d <= max) {
            best = candidate;
            limit = d - 1;
        }
    }

    /** @return the closest candidate offered so far within the cut-off, or null */
    public String best() {
        return best;
    }

    /**
     * @param a one name
     * @param b another
     * @param max the largest distance of interest
     * @return the optimal-string-alignment distance, or {@code max + 1} if it is larger than {@code max}
     */
    public static int distance(String a, String b, int max) {
        Suggestions s = new Suggestions(a);
        return Math.abs(a.length() - b.length()) > max ? max + 1 : s.distance(b, max);
    }

    private static long chars(String s) {
        long m = 0;
        for (int i = 0; i < s.length(); i++) {
            m |= 1L << s.charAt(i); // the shift uses the low 6 bits
        }
        return m;
    }

    private int distance(String b, int max) {
        String a = typed;
        int la = a.length();
        int lb = b.length();
        if (prev.length < lb + 1) {
            prev2 = new int[lb + 1];
            prev = new int[lb + 1];
            cur = new int[lb + 1];
        }
        int[] p2 = prev2;
        int[] p = prev;
        int[] c = cur;
        for (int j = 0; j <= lb; j++) {
            p[j] = j;
        }
        int lastMin = 0;
        for (int i = 1; i <= la; i++) {
            char ca = a.charAt(i - 1);
            c[0] = i;
            int rowMin = i;
            for (int j = 1; j <= lb; j++) {
                char cb = b.charAt(j - 1);
                int v = Math.min(Math.min(p[j], c[j - 1]) + 1, p[j - 1] + (ca == cb ? 0 : 1));
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    v = Math.min(v, p2[j - 2] + 1);
                }
                c[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            // A swap reaches back two rows, so only two rows over the limit in a row rule out a match.
            if (rowMin > max && lastMin > max) {
                return max + 1;
            }
            lastMin = rowMin;
            int[] t = p2;
            p2 = p;
            p = c;
            c = t;
        }
        return Math.min(p[lb], max + 1);
    }
}
