package dev.supervisor.auth.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Managing roles never lets anyone gain a permission they do not hold. */
class GrantEscalationTest {
    private final RbacPolicy policy = RbacPolicy.builder()
            .role("admin").allow("admin", "*:*")
            .role("team_lead").allow("team_lead", "roles:manage", "workflows:*", "tasks:read")
            .role("restricted_admin").allow("restricted_admin", "*:*").deny("restricted_admin", "billing:refund")
            .role("operator").allow("operator", "workflows:execute", "tasks:read")
            .role("billing").allow("billing", "billing:*")
            .build();
    private final Authorizer auth = Authorizer.of(policy);

    @Test
    void grant_roleWithPermissionsTheGranterLacks_isRefused_evenToItself() {
        String lead = auth.register(new NewUser("lead", "l@example.com"));
        auth.grantAsSystem("acme", lead, "team_lead");
        assertThatThrownBy(() -> auth.grant(lead, "acme", lead, "admin")).isInstanceOf(SecurityException.class)
                .hasMessageContaining("allows more than");
        String bob = auth.register(new NewUser("bob", "b@example.com"));
        assertThatThrownBy(() -> auth.grant(lead, "acme", bob, "billing")).isInstanceOf(SecurityException.class);
        auth.grant(lead, "acme", bob, "operator");
        assertThat(auth.checkAll(bob, "acme", "workflows:execute")).isTrue();
        auth.revoke(lead, "acme", bob, "operator");
        assertThat(auth.checkAll(bob, "acme", "workflows:execute")).isFalse();
    }

    @Test
    void grant_wildcardRoleOverlappingADenyOfTheGranter_isRefused() {
        String ra = auth.register(new NewUser("ra", "ra@example.com"));
        auth.grantAsSystem("acme", ra, "restricted_admin");
        String eve = auth.register(new NewUser("eve", "e@example.com"));
        assertThatThrownBy(() -> auth.grant(ra, "acme", eve, "billing")).as("billing:* includes billing:refund")
                .isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> auth.grant(ra, "acme", eve, "admin")).isInstanceOf(SecurityException.class);
        auth.grant(ra, "acme", eve, "operator");
    }

    @Test
    void grant_fullAdmin_mayGrantAnything_butOnlyInItsTenant() {
        String root = auth.register(new NewUser("root", "r@example.com"));
        auth.grantAsSystem("acme", root, "admin");
        String x = auth.register(new NewUser("x", "x@example.com"));
        auth.grant(root, "acme", x, "billing");
        assertThatThrownBy(() -> auth.grant(root, "globex", x, "billing")).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> auth.grant(root, "acme", x, "ghost")).isInstanceOf(IllegalArgumentException.class);
    }
}
