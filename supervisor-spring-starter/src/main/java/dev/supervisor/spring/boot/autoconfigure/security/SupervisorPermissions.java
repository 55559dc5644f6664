package dev.supervisor.spring.boot.autoconfigure.security;

import dev.supervisor.auth.validation.RequestPaths;
import java.util.Locale;

/**
 * Which permission (of {@link dev.supervisor.auth.rbac.PresetRoles}' vocabulary, {@code resource:action}) a request
 * to Supervisor's paths needs. Define a bean of this type to change the table; the REST API's controllers may check
 * finer permissions on top.
 */
@FunctionalInterface
public interface SupervisorPermissions {
    /**
     * @param method the HTTP method
     * @param path the canonical request path, without the context path
     *        ({@link dev.supervisor.auth.validation.RequestPaths#canonical}: decoded once, dot segments resolved)
     * @return the permission needed, or null when the request needs none (the dashboard's pages, CORS preflights)
     */
    String required(String method, String path);

    /**
     * The default table, which agrees with the permission each endpoint of the REST API declares. Under the API
     * path, by the first segment after it: {@code workflows}, {@code runs} and {@code schedules} need
     * {@code workflows:read} to read (GET, HEAD), {@code workflows:execute} to POST, {@code workflows:update} to PUT
     * or PATCH and {@code workflows:delete} to DELETE — except that defining a schedule ({@code POST schedules}) needs
     * {@code workflows:create} and pausing or resuming one ({@code POST schedules/<id>/pause}, {@code resume})
     * {@code workflows:update}; {@code tasks} the same with
     * {@code tasks:}; {@code providers} {@code providers:read} or {@code providers:manage}; {@code analytics}
     * {@code analytics:read}, or {@code analytics:export} under {@code analytics/export}; {@code users} the
     * {@code users:} permissions; {@code roles} {@code roles:manage}; anything else (plugins, audit...)
     * {@code system:admin}. Elsewhere under the base path (the dashboard), reading needs nothing and anything else
     * {@code system:admin}: nothing that changes state is ever open.
     *
     * @param basePath the root of Supervisor's paths, e.g. {@code /supervisor}
     * @param apiPath the root of the REST API, e.g. {@code /supervisor/api}
     * @return the table
     */
    static SupervisorPermissions defaults(String basePath, String apiPath) {
        return (method, path) -> {
            String m = method.toUpperCase(Locale.ROOT);
            boolean read = m.equals("GET") || m.equals("HEAD");
            if (m.equals("OPTIONS")) {
                return null;
            }
            if (!under(apiPath, path)) {
                return read && under(basePath, path) ? null : "system:admin";
            }
            String rest = path.substring(apiPath.length());
            String[] segments = rest.replaceFirst("^/+", "").split("/");
            String resource = segments[0].toLowerCase(Locale.ROOT);
            return switch (resource) {
                case "schedules" -> m.equals("POST") ? schedulePost(segments) : crud("workflows", m);
                case "workflows", "runs" -> crud("workflows", m);
                case "tasks" -> crud("tasks", m);
                case "users" -> m.equals("POST") ? "users:create" : crud("users", m);
                case "providers" -> read ? "providers:read" : "providers:manage";
                case "analytics" -> segments.length > 1 && segments[1].equalsIgnoreCase("export")
                        ? "analytics:export" : "analytics:read";
                case "roles" -> "roles:manage";
                default -> "system:admin";
            };
        };
    }

    private static String schedulePost(String[] segments) {
        if (segments.length == 1) {
            return "workflows:create";
        }
        String action = segments[segments.length - 1].toLowerCase(Locale.ROOT);
        return segments.length == 3 && (action.equals("pause") || action.equals("resume")) ? "workflows:update"
                : "workflows:execute";
    }

    private static String crud(String resource, String method) {
        return resource + switch (method) {
            case "GET", "HEAD" -> ":read";
            case "POST" -> ":execute";
            case "PUT", "PATCH" -> ":update";
            case "DELETE" -> ":delete";
            default -> ":admin";
        };
    }

    private static boolean under(String root, String path) {
        return RequestPaths.isUnder(root, path);
    }
}
