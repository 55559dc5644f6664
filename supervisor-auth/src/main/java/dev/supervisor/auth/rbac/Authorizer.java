package dev.supervisor.auth.rbac;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks permissions of users per tenant: a user's roles in one tenant say nothing about another. Registration
 * creates users without roles; roles are granted (and revoked) by a user who holds {@code roles:manage} in that
 * tenant <em>and</em> every permission of the role in question ({@link RbacPolicy#holdsAllOf}) — so managing roles
 * never lets anyone, themselves included, gain a permission they do not have — or by the host itself through
 * {@link #grantAsSystem} (for bootstrapping).
 */
public final class Authorizer {
    private static final Permission MANAGE_ROLES = Permission.parse("roles:manage");
    private final RbacPolicy policy;
    private final Map<String, Map<String, Set<String>>> roles = new ConcurrentHashMap<>();

    private Authorizer(RbacPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * @param policy the roles
     * @return an authorizer with no users
     */
    public static Authorizer of(RbacPolicy policy) {
        return new Authorizer(policy);
    }

    /**
     * @param user the registration data (which cannot carry roles)
     * @return the new user's id; the user has no role anywhere
     */
    public String register(NewUser user) {
        String id = UUID.randomUUID().toString();
        roles.put(id, new ConcurrentHashMap<>());
        return id;
    }

    /**
     * Grants a role, on behalf of a user who may manage roles in that tenant and holds all the role's permissions.
     *
     * @param actor the granting user
     * @param tenant the tenant
     * @param userId the receiving user
     * @param role a defined role
     * @throws SecurityException if the actor may not manage roles in the tenant or lacks a permission of the role
     * @throws IllegalArgumentException if the role or user is unknown
     */
    public void grant(String actor, String tenant, String userId, String role) {
        requireManager(actor, tenant, role);
        grantAsSystem(tenant, userId, role);
    }

    /**
     * Takes a role away, under the same rule as {@link #grant}.
     *
     * @param actor the acting user
     * @param tenant the tenant
     * @param userId the user losing the role
     * @param role the role
     * @throws SecurityException if the actor may not manage that role in the tenant
     */
    public void revoke(String actor, String tenant, String userId, String role) {
        requireManager(actor, tenant, role);
        Map<String, Set<String>> byTenant = roles.get(userId);
        Set<String> r = byTenant == null ? null : byTenant.get(tenant);
        if (r != null) {
            r.remove(role);
        }
    }

    private void requireManager(String actor, String tenant, String role) {
        if (!policy.roles().contains(role)) {
            throw new IllegalArgumentException("unknown role '" + role + "'");
        }
        if (!check(actor, tenant, MANAGE_ROLES)) {
            throw new SecurityException("user " + actor + " may not manage roles in tenant " + tenant);
        }
        if (!policy.holdsAllOf(rolesOf(actor, tenant), role)) {
            throw new SecurityException("user " + actor + " may not grant or revoke role '" + role + "': it allows"
                    + " more than the user holds in tenant " + tenant);
        }
    }

    /**
     * Grants a role with the host's own authority (bootstrapping the first administrator); not reachable from
     * registration.
     *
     * @param tenant the tenant
     * @param userId the user
     * @param role a defined role
     */
    public void grantAsSystem(String tenant, String userId, String role) {
        if (!policy.roles().contains(role)) {
            throw new IllegalArgumentException("unknown role '" + role + "'");
        }
        Map<String, Set<String>> byTenant = roles.get(userId);
        if (byTenant == null) {
            throw new IllegalArgumentException("unknown user " + userId);
        }
        byTenant.computeIfAbsent(tenant, t -> ConcurrentHashMap.newKeySet()).add(role);
    }

    private Set<String> rolesOf(String userId, String tenant) {
        Map<String, Set<String>> byTenant = roles.get(userId);
        Set<String> r = byTenant == null ? null : byTenant.get(tenant);
        return r == null ? Set.of() : r;
    }

    /**
     * @param userId the user
     * @param tenant the tenant
     * @param permission the permission, e.g. {@code workflow:execute:wf-123}
     * @return true if allowed (default deny; deny wins)
     */
    public boolean check(String userId, String tenant, Permission permission) {
        return policy.permits(rolesOf(userId, tenant), permission);
    }

    /**
     * @param userId the user
     * @param tenant the tenant
     * @param permissions permissions that must all be allowed
     * @return true if every one is allowed
     */
    public boolean checkAll(String userId, String tenant, String... permissions) {
        Set<String> r = rolesOf(userId, tenant);
        for (String p : permissions) {
            if (!policy.permits(r, Permission.parse(p))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param userId the user
     * @param tenant the tenant
     * @param permissions permissions of which one suffices
     * @return true if at least one is allowed
     */
    public boolean checkAny(String userId, String tenant, String... permissions) {
        Set<String> r = rolesOf(userId, tenant);
        for (String p : permissions) {
            if (policy.permits(r, Permission.parse(p))) {
                return true;
            }
        }
        return false;
    }
}
