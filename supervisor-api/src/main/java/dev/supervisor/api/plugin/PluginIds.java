package dev.supervisor.api.plugin;

/** The shape of plugin ids, shared by descriptors and dependencies. */
final class PluginIds {
    static final int MAX_LENGTH = 64;

    private PluginIds() {
    }

    /**
     * Accepts {@code [a-z0-9][a-z0-9._-]*}, at most 64 characters: ids prefix topic names and appear in file and
     * thread names, so they stay lower-case and free of separators.
     */
    static String check(String what, String id) {
        if (id == null) {
            throw new IllegalArgumentException(what + " id must not be null");
        }
        boolean ok = !id.isEmpty() && id.length() <= MAX_LENGTH && id.charAt(0) != '.' && id.charAt(0) != '_'
                && id.charAt(0) != '-';
        for (int i = 0; i < id.length() && ok; i++) {
            char c = id.charAt(i);
            ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-';
        }
        if (!ok) {
            throw new IllegalArgumentException(what + " id '" + id + "' is not valid: use 1-" + MAX_LENGTH
                    + " characters of [a-z0-9._-], starting with a letter or digit");
        }
        return id;
    }
}
