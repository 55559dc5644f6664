package dev.supervisor.auth.rbac;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable set of roles. Each role's effective rules (its own plus every ancestor's) are compiled into an
 * index by resource and action at build time, so a check costs a few hash lookups however many rules exist.
 * Default deny; a matching deny always wins over a matching allow.
 */
public final class RbacPolicy {
    private final Map<String, RuleIndex> allow;
    private final Map<String, RuleIndex> deny;

    private RbacPolicy(Map<String, RuleIndex> allow, Map<String, RuleIndex> deny) {
        this.allow = allow;
        this.deny = deny;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the role names */
    public Set<String> roles() {
        return allow.keySet();
    }

    /**
     * @param roles the subject's roles in the tenant being accessed
     * @param requested the permission
     * @return true if some role allows it and none denies it
     */
    public boolean permits(Collection<String> roles, Permission requested) {
        boolean allowed = false;
        for (String r : roles) {
            RuleIndex d = deny.get(r);
            if (d != null && d.matches(requested)) {
                return false;
            }
            RuleIndex a = allow.get(r);
            allowed |= a != null && a.matches(requested);
        }
        return allowed;
    }

    /**
     * Whether roles could grant a role without gaining power: every permission the role allows must be allowed to
     * {@code roles} in full (a wildcard only by an equal or wider wildcard) and touched by none of their denies.
     *
     * @param roles the granter's roles in the tenant
     * @param role a defined role
     * @return true if {@code roles} hold everything {@code role} allows
     */
    public boolean holdsAllOf(Collection<String> roles, String role) {
        RuleIndex target = allow.get(role);
        if (target == null) {
            return false;
        }
        for (Permission p : target.all) {
            if (!permits(roles, p)) {
                return false;
            }
            for (String r : roles) {
                RuleIndex d = deny.get(r);
                if (d != null && d.overlaps(p)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Indexed rules of one role. */
    static final class RuleIndex {
        private final Map<String, Map<String, List<Permission>>> byResource = new HashMap<>();
        private final List<Permission> all = new ArrayList<>();

        boolean overlaps(Permission q) {
            for (Permission p : all) {
                if (p.overlaps(q)) {
                    return true;
                }
            }
            return false;
        }

        void add(Permission p) {
            all.add(p);
            byResource.computeIfAbsent(p.resource(), k -> new HashMap<>())
                    .computeIfAbsent(p.action(), k -> new ArrayList<>(1)).add(p);
        }

        boolean matches(Permission q) {
            return matchesIn(byResource.get(q.resource()), q) || matchesIn(byResource.get(Permission.ANY), q);
        }

        private static boolean matchesIn(Map<String, List<Permission>> byAction, Permission q) {
            if (byAction == null) {
                return false;
            }
            return any(byAction.get(q.action()), q) || any(byAction.get(Permission.ANY), q);
        }

        private static boolean any(List<Permission> ps, Permission q) {
            if (ps == null) {
                return false;
            }
            for (Permission p : ps) {
                if (p.covers(q)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Builder of {@link RbacPolicy}; parents and cycles are checked in {@link #build()}. */
    public static final class Builder {
        private final Map<String, List<String>> parents = new LinkedHashMap<>();
        private final Map<String, List<Permission>> allows = new HashMap<>();
        private final Map<String, List<Permission>> denies = new HashMap<>();

        private Builder() {
        }

        /**
         * @param name the role name
         * @param inherits roles whose rules this role also has
         * @return this builder
         */
        public Builder role(String name, String... inherits) {
            Objects.requireNonNull(name, "role name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("role name must not be blank");
            }
            if (parents.putIfAbsent(name, List.copyOf(Arrays.asList(inherits))) != null) {
                throw new IllegalStateException("role '" + name + "' was already defined");
            }
            allows.put(name, new ArrayList<>());
            denies.put(name, new ArrayList<>());
            return this;
        }

        /**
         * @param role a defined role
         * @param permissions permissions it grants
         * @return this builder
         */
        public Builder allow(String role, String... permissions) {
            for (String p : permissions) {
                require(role).add(Permission.parse(p));
            }
            return this;
        }

        /**
         * @param role a defined role
         * @param permissions permissions it denies (wins over any allow)
         * @return this builder
         */
        public Builder deny(String role, String... permissions) {
            require(role);
            for (String p : permissions) {
                denies.get(role).add(Permission.parse(p));
            }
            return this;
        }

        private List<Permission> require(String role) {
            List<Permission> l = allows.get(role);
            if (l == null) {
                throw new IllegalArgumentException("role '" + role + "' is not defined");
            }
            return l;
        }

        /**
         * @return the policy
         * @throws IllegalArgumentException if a parent is unknown or inheritance forms a cycle (naming it)
         */
        public RbacPolicy build() {
            for (Map.Entry<String, List<String>> e : parents.entrySet()) {
                for (String p : e.getValue()) {
                    if (!parents.containsKey(p)) {
                        throw new IllegalArgumentException("role '" + e.getKey() + "' inherits unknown role '" + p
                                + "'");
                    }
                }
            }
            Map<String, RuleIndex> allow = new HashMap<>();
            Map<String, RuleIndex> deny = new HashMap<>();
            for (String role : parents.keySet()) {
                RuleIndex a = new RuleIndex();
                RuleIndex d = new RuleIndex();
                for (String r : ancestorsAndSelf(role)) {
                    allows.get(r).forEach(a::add);
                    denies.get(r).forEach(d::add);
                }
                allow.put(role, a);
                deny.put(role, d);
            }
            return new RbacPolicy(Map.copyOf(allow), Map.copyOf(deny));
        }

        /** Iterative walk that also finds cycles (a role reached again on the current path). */
        private Set<String> ancestorsAndSelf(String role) {
            Set<String> seen = new HashSet<>();
            Deque<Object[]> stack = new ArrayDeque<>();
            List<String> path = new ArrayList<>();
            stack.push(new Object[] {role, 0});
            path.add(role);
            seen.add(role);
            while (!stack.isEmpty()) {
                Object[] top = stack.peek();
                String r = (String) top[0];
                int i = (Integer) top[1];
                List<String> ps = parents.get(r);
                if (i >= ps.size()) {
                    stack.pop();
                    path.remove(path.size() - 1);
                    continue;
                }
                top[1] = i + 1;
                String p = ps.get(i);
                if (path.contains(p)) {
                    List<String> cycle = new ArrayList<>(path.subList(path.indexOf(p), path.size()));
                    cycle.add(p);
                    throw new IllegalArgumentException("role inheritance forms a cycle: " + String.join(" > ", cycle));
                }
                if (seen.add(p)) {
                    stack.push(new Object[] {p, 0});
                    path.add(p);
                }
            }
            return seen;
        }
    }
}
