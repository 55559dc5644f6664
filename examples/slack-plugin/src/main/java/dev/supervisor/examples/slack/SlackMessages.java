package dev.supervisor.examples.slack;

import java.util.ArrayList;
import java.util.List;

/**
 * Slack message text: escaping for mrkdwn, splitting at Slack's 3,000-character limit of a section's text, and the
 * JSON body of an incoming webhook post.
 */
final class SlackMessages {
    /** Slack's limit on a section block's text. */
    static final int MAX_TEXT = 3000;

    private SlackMessages() {
    }

    /**
     * Escapes what Slack reads as markup in text from events: {@code &}, {@code <} and {@code >}, so that an error
     * message cannot become a link or a {@code <!channel>} mention.
     */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Splits text into pieces of at most {@code max} characters, at the last line break in reach, else the last
     * space, else anywhere that does not cut an escape ({@code &amp;}) or a surrogate pair.
     */
    static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            if (cut <= 0) {
                cut = rest.lastIndexOf(' ', max);
            }
            if (cut <= 0) {
                cut = max;
                int amp = rest.lastIndexOf('&', cut - 1);
                if (amp >= 0 && amp > cut - 5 && rest.indexOf(';', amp) >= cut) {
                    cut = amp; // inside "&amp;", "&lt;" or "&gt;"
                }
                if (Character.isLowSurrogate(rest.charAt(cut))) {
                    cut--;
                }
            }
            parts.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    /** @return the webhook body: the text as a fallback and as one mrkdwn section */
    static String json(String text) {
        String t = jsonString(text);
        return "{\"text\":" + t + ",\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":" + t
                + "}}]}";
    }

    static String jsonString(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
