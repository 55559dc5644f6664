package dev.supervisor.auth.rbac;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A permission {@code resource:action[:instance]}. Segments are case-sensitive and made of
 * {@code [A-Za-z0-9_.-]}, or are exactly {@code *}; a grant without an instance covers every instance, so
 * {@code workflow:execute} implies {@code workflow:execute:wf-123}.
 *
 * @param resource the resource, or {@code *}
 * @param action the action, or {@code *}
 * @param instance the instance, {@code *}, or null for "every instance"
 */
public record Permission(String resource, String action, String instance) {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.-]{1,128}|\\*");
    static final String ANY = "*";

    /**
     * @throws IllegalArgumentException if a segment is empty, too long, or uses '*' inside a word
     */
    public Permission {
        check("resource", resource);
        check("action", action);
        if (instance != null) {
            check("instance", instance);
        }
    }

    private static void check(String what, String s) {
        if (s == null || !SEGMENT.matcher(s).matches()) {
            throw new IllegalArgumentException(what + " '" + s + "' must be 1-128 characters of [A-Za-z0-9_.-] or"
                    + " exactly '*'");
        }
    }

    /**
     * @param text {@code resource:action} or {@code resource:action:instance}
     * @return the permission
     * @throws IllegalArgumentException naming what is malformed
     */
    public static Permission parse(String text) {
        Objects.requireNonNull(text, "permission");
        String[] parts = text.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("permission '" + text + "' must be resource:action[:instance]");
        }
        return new Permission(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /**
     * @param requested a concrete permission being checked
     * @return true if this grant (or deny) covers it
     */
    public boolean covers(Permission requested) {
        if (!seg(resource, requested.resource) || !seg(action, requested.action)) {
            return false;
        }
        // No instance (or '*') in the grant covers every instance; a specific one covers only itself.
        return instance == null || instance.equals(ANY) || instance.equals(requested.instance);
    }

    /**
     * @param other another rule
     * @return true if some concrete permission is covered by both (a deny that overlaps a grant takes part of it)
     */
    public boolean overlaps(Permission other) {
        boolean inst = instance == null || other.instance == null || instance.equals(ANY) || other.instance.equals(ANY)
                || instance.equals(other.instance);
        return meet(resource, other.resource) && meet(action, other.action) && inst;
    }

    private static boolean meet(String a, String b) {
        return a.equals(ANY) || b.equals(ANY) || a.equals(b);
    }

    private static boolean seg(String granted, String asked) {
        return granted.equals(ANY) || granted.equals(asked);
    }

    @Override
    public String toString() {
        return resource + ":" + action + (instance == null ? "" : ":" + instance);
    }
}
