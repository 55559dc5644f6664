package dev.supervisor.auth.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RbacTest {
    private final RbacPolicy policy = RbacPolicy.builder()
            .role("reader").allow("reader", "workflow:read")
            .role("operator", "reader").allow("operator", "workflow:execute:wf-123", "run:*")
            .role("auditor").allow("auditor", "*:read").deny("auditor", "secret:read")
            .build();

    @Test
    void permits_defaultDeny_inheritance_andInstances() {
        assertThat(policy.permits(List.of(), Permission.parse("workflow:read"))).isFalse();
        assertThat(policy.permits(List.of("operator"), Permission.parse("workflow:read"))).isTrue();
        assertThat(policy.permits(List.of("operator"), Permission.parse("workflow:execute:wf-123"))).isTrue();
        assertThat(policy.permits(List.of("operator"), Permission.parse("workflow:execute:wf-999"))).isFalse();
        assertThat(policy.permits(List.of("operator"), Permission.parse("workflow:execute"))).isFalse();
        assertThat(policy.permits(List.of("operator"), Permission.parse("run:cancel:r-1"))).isTrue();
        assertThat(policy.permits(List.of("reader"), Permission.parse("workflow:read:wf-7"))).isTrue();
    }

    @Test
    void permits_denyOverridesAllow_evenAcrossRoles() {
        assertThat(policy.permits(List.of("auditor"), Permission.parse("metrics:read"))).isTrue();
        assertThat(policy.permits(List.of("auditor"), Permission.parse("secret:read"))).isFalse();
        RbacPolicy p = RbacPolicy.builder().role("admin").allow("admin", "*:*").role("restricted")
                .deny("restricted", "billing:*").build();
        assertThat(p.permits(List.of("admin", "restricted"), Permission.parse("billing:refund"))).isFalse();
        assertThat(p.permits(List.of("admin", "restricted"), Permission.parse("tasks:read"))).isTrue();
    }

    @Test
    void permits_caseSensitive() {
        RbacPolicy p = RbacPolicy.builder().role("r").allow("r", "printer:print").build();
        assertThat(p.permits(List.of("r"), Permission.parse("Printer:print"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a*b:read", "x::y", "", "x", "a:b:c:d", "wf:*run", "res:act:inst:extra", " a:b"})
    void parse_badGrammar_isRejected(String text) {
        assertThatThrownBy(() -> Permission.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void build_cycle_isRejectedNamingIt() {
        assertThatThrownBy(() -> RbacPolicy.builder().role("A", "B").role("B", "A").build())
                .hasMessageContaining("cycle").hasMessageContaining("A > B > A");
        assertThatThrownBy(() -> RbacPolicy.builder().role("A", "ghost").build()).hasMessageContaining("unknown role");
    }

    @Test
    void authorizer_tenantsAreIsolated_andRegistrationGrantsNothing() {
        Authorizer auth = Authorizer.of(PresetRoles.policy());
        String root = auth.register(new NewUser("root", "root@example.com"));
        auth.grantAsSystem("acme", root, "admin");
        String eve = auth.register(new NewUser("eve", "eve@example.com"));
        assertThat(auth.checkAny(eve, "acme", "tasks:read", "workflows:read")).isFalse();
        assertThatThrownBy(() -> auth.grant(eve, "acme", eve, "admin")).isInstanceOf(SecurityException.class);

        auth.grant(root, "acme", eve, "viewer");
        assertThat(auth.checkAll(eve, "acme", "tasks:read", "workflows:read")).isTrue();
        assertThat(auth.checkAll(eve, "acme", "tasks:read", "tasks:delete")).isFalse();
        assertThat(auth.checkAny(eve, "globex", "tasks:read")).as("other tenant").isFalse();
        assertThat(auth.check(root, "globex", Permission.parse("system:admin"))).isFalse();
    }

    @Test
    void preset_hasTwentyPermissionsInFourRoles() {
        RbacPolicy p = PresetRoles.policy();
        assertThat(p.roles()).containsExactlyInAnyOrder("admin", "user", "viewer", "api_user");
        assertThat(p.permits(List.of("user"), Permission.parse("workflows:delete"))).isFalse();
        assertThat(p.permits(List.of("user"), Permission.parse("analytics:read"))).isTrue();
        assertThat(p.permits(List.of("api_user"), Permission.parse("analytics:read"))).isFalse();
        assertThat(p.permits(List.of("viewer"), Permission.parse("providers:read"))).isTrue();
        assertThat(p.permits(List.of("admin"), Permission.parse("system:admin"))).isTrue();
    }
}
