package dev.supervisor.core.graph.internal;

/** Free-form text (a workflow id, a field name from a document) made safe to show inside a one-line message. */
public final class Text {
    private static final int MAX = 100;

    private Text() {
    }

    /**
     * @param s any text
     * @return the text with control, line-separator and bidi characters escaped as {@code \\uXXXX}, cut to 100
     *         characters (never inside a surrogate pair) with an ellipsis
     */
    public static String clean(String s) {
        int end = Math.min(s.length(), MAX);
        if (end < s.length() && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        StringBuilder b = new StringBuilder(end + 8);
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7F && c < 0xA0 || c >= 0x2028 && c <= 0x202E || c >= 0x2066 && c <= 0x2069
                    || c == 0x200E || c == 0x200F || c == 0x061C) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return end < s.length() ? b.append('…').toString() : b.toString();
    }
}
