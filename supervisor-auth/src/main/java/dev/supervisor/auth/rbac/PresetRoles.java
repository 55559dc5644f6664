package dev.supervisor.auth.rbac;

/**
 * A ready-made policy for a workflow service: 20 permissions (tasks and workflows
 * create/read/update/delete/execute, analytics read/export, providers read/manage, users create/read/update/
 * delete, roles:manage, system:admin) and 4 roles: admin (all), user (tasks and workflows except delete,
 * analytics:read, providers:read), viewer (the read permissions) and api_user (tasks and workflows except delete).
 */
public final class PresetRoles {
    private PresetRoles() {
    }

    /** @return the preset policy */
    public static RbacPolicy policy() {
        String[] taskWork = {"tasks:create", "tasks:read", "tasks:update", "tasks:execute", "workflows:create",
            "workflows:read", "workflows:update", "workflows:execute"};
        return RbacPolicy.builder()
                .role("admin").allow("admin", "tasks:create", "tasks:read", "tasks:update", "tasks:delete",
                        "tasks:execute", "workflows:create", "workflows:read", "workflows:update", "workflows:delete",
                        "workflows:execute", "analytics:read", "analytics:export", "providers:read",
                        "providers:manage", "users:create", "users:read", "users:update", "users:delete",
                        "roles:manage", "system:admin")
                .role("api_user").allow("api_user", taskWork)
                .role("user").allow("user", taskWork).allow("user", "analytics:read", "providers:read")
                .role("viewer").allow("viewer", "tasks:read", "workflows:read", "analytics:read", "providers:read")
                .build();
    }
}
