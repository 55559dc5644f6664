package dev.supervisor.spring.boot.autoconfigure.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.auth.apikey.ApiKeys;
import dev.supervisor.auth.guard.RequestGuard;
import dev.supervisor.auth.jwt.JwtVerifier;
import dev.supervisor.auth.rbac.RbacPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

class SupervisorSecurityAutoConfigurationTest {
    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withClassLoader(new FilteredClassLoader("org.springframework.security"))
            .withConfiguration(AutoConfigurations.of(SupervisorSecurityAutoConfiguration.class));

    @Test
    void defaults_presetRolesApiKeysGuard_andNoTokenVerifier() {
        web.run(ctx -> {
            assertThat(ctx).hasSingleBean(RbacPolicy.class).hasSingleBean(ApiKeys.class)
                    .hasSingleBean(RequestGuard.class).hasSingleBean(SupervisorAuthenticator.class)
                    .hasSingleBean(SupervisorPermissions.class).doesNotHaveBean(JwtVerifier.class);
            assertThat(ctx.getBean(RbacPolicy.class).roles()).contains("admin", "user", "viewer", "api_user");
            assertThat(ctx).hasBean("supervisorSecurityFilter");
            FilterRegistrationBean<?> filter = ctx.getBean("supervisorSecurityFilter", FilterRegistrationBean.class);
            assertThat(filter.getUrlPatterns()).containsExactly("/supervisor", "/supervisor/*");
        });
    }

    @Test
    void jwt_configured_givesAVerifier() {
        web.withPropertyValues(SecuredApp.JWT).run(ctx -> assertThat(ctx).hasSingleBean(JwtVerifier.class));
    }

    @Test
    void jwt_withoutAudienceOrKey_failsNamingTheProperty() {
        web.withPropertyValues("supervisor.security.jwt.issuer=https://auth.example",
                "supervisor.security.jwt.hmac-secret=" + SecuredApp.SECRET).run(ctx ->
                        assertThat(ctx.getStartupFailure()).rootCause()
                                .hasMessageContaining("supervisor.security.jwt.audience"));
        web.withPropertyValues("supervisor.security.jwt.issuer=https://auth.example",
                "supervisor.security.jwt.audience=a").run(ctx ->
                        assertThat(ctx.getStartupFailure()).rootCause()
                                .hasMessageContaining("supervisor.security.jwt.hmac-secret"));
        web.withPropertyValues("supervisor.security.jwt.issuer=https://auth.example",
                "supervisor.security.jwt.audience=a", "supervisor.security.jwt.hmac-secret=short").run(ctx ->
                        assertThat(ctx.getStartupFailure()).rootCause()
                                .hasMessageContaining("supervisor.security.jwt.hmac-secret")
                                .hasMessageContaining("at least 32 bytes").hasMessageNotContaining("short"));
    }

    @Test
    void badValues_failNamingTheProperty() {
        web.withPropertyValues("supervisor.security.headers.content-security-policy=default-src 'self'").run(ctx ->
                assertThat(ctx.getStartupFailure()).rootCause()
                        .hasMessageContaining("supervisor.security.headers.content-security-policy")
                        .hasMessageContaining("frame-ancestors"));
        web.withPropertyValues("supervisor.security.trusted-proxies=10.0.0.0/99").run(ctx ->
                assertThat(ctx.getStartupFailure()).rootCause()
                        .hasMessageContaining("supervisor.security.trusted-proxies"));
        web.withPropertyValues("supervisor.security.cors.allowed-origins=https://*.co.uk").run(ctx ->
                assertThat(ctx.getStartupFailure()).rootCause()
                        .hasMessageContaining("supervisor.security.cors"));
    }

    @Test
    void switches_turnPartsOff() {
        web.withPropertyValues("supervisor.security.enabled=false").run(ctx ->
                assertThat(ctx).doesNotHaveBean(SupervisorAuthenticator.class)
                        .doesNotHaveBean("supervisorSecurityFilter"));
        web.withPropertyValues("supervisor.security.rate-limit.enabled=false",
                "supervisor.security.api-keys.enabled=false").run(ctx ->
                        assertThat(ctx).doesNotHaveBean(RequestGuard.class).doesNotHaveBean(ApiKeys.class)
                                .hasSingleBean(SupervisorRequestProtection.class));
    }

    @Test
    void userBeans_win() {
        RbacPolicy mine = RbacPolicy.builder().role("ops").allow("ops", "workflows:read").build();
        web.withBean(RbacPolicy.class, () -> mine).run(ctx ->
                assertThat(ctx.getBean(RbacPolicy.class)).isSameAs(mine));
    }

    @Test
    void notAWebApplication_hasNoFilter() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
                SupervisorSecurityAutoConfiguration.class)).run(ctx ->
                        assertThat(ctx).hasSingleBean(SupervisorAuthenticator.class)
                                .doesNotHaveBean(SupervisorRequestProtection.class)
                                .doesNotHaveBean("supervisorSecurityFilter"));
    }

    @Test
    void withSpringSecurity_theChainReplacesTheServletFilter() {
        new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(
                SupervisorSecurityAutoConfiguration.class,
                org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration.class,
                org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration.class)).run(ctx -> {
                    assertThat(ctx).doesNotHaveBean("supervisorSecurityFilter")
                            .hasBean("supervisorSecurityFilterChain").hasBean("supervisorDefaultSecurityFilterChain");
                });
    }
}
