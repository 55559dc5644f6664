package dev.supervisor.spring.boot.autoconfigure.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupervisorPermissionsTest {
    private final SupervisorPermissions table = SupervisorPermissions.defaults("/supervisor", "/supervisor/api");

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(nullValues = "none", value = {
        "GET, /supervisor/api/workflows, workflows:read",
        "POST, /supervisor/api/workflows, workflows:execute",
        "GET, /supervisor/api/runs/r1/events, workflows:read",
        "POST, /supervisor/api/runs/r1/cancel, workflows:execute",
        "PUT, /supervisor/api/schedules/s1, workflows:update",
        "POST, /supervisor/api/schedules, workflows:create",
        "POST, /supervisor/api/schedules/s1/pause, workflows:update",
        "POST, /supervisor/api/schedules/s1/resume, workflows:update",
        "POST, /supervisor/api/schedules/s1/trigger, workflows:execute",
        "POST, /supervisor/api/schedules/pause/trigger, workflows:execute",
        "DELETE, /supervisor/api/schedules/s1, workflows:delete",
        "PATCH, /supervisor/api/tasks/t1, tasks:update",
        "GET, /supervisor/api/providers, providers:read",
        "POST, /supervisor/api/providers/p1/reset, providers:manage",
        "GET, /supervisor/api/analytics/series, analytics:read",
        "GET, /supervisor/api/analytics/export, analytics:export",
        "POST, /supervisor/api/users, users:create",
        "DELETE, /supervisor/api/users/u1, users:delete",
        "POST, /supervisor/api/roles/r1, roles:manage",
        "GET, /supervisor/api/plugins, system:admin",
        "POST, /supervisor/api/plugins/slack/disable, system:admin",
        "GET, /supervisor/api/audit, system:admin",
        "GET, /supervisor/api, system:admin",
        "OPTIONS, /supervisor/api/runs, none",
        "GET, /supervisor, none",
        "GET, /supervisor/assets/app.js, none",
        "HEAD, /supervisor/index.html, none",
        "POST, /supervisor/index.html, system:admin",
        "GET, /supervisorx, system:admin",
        "TRACE, /supervisor/api/runs, workflows:admin"})
    void required_byMethodAndPath(String method, String path, String permission) {
        assertThat(table.required(method, path)).isEqualTo(permission);
    }
}
