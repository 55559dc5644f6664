package dev.supervisor.spring.boot.autoconfigure.security;

import static org.springframework.security.config.Customizer.withDefaults;

import dev.supervisor.auth.audit.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * With Spring Security: Supervisor's security as its parts ({@link SupervisorHttpSecurity}). When the application
 * defines no filter chain of its own, two chains are made here — Supervisor's for its paths, and for the rest of the
 * application what Boot would have done without us (its default chain backs off once any chain exists): health open,
 * everything else authenticated with form login and HTTP basic. An application with its own chains keeps them and
 * applies {@link SupervisorHttpSecurity} in one of them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = {"org.springframework.security.web.SecurityFilterChain",
    "org.springframework.security.config.annotation.web.builders.HttpSecurity"})
class SupervisorSpringSecurityConfiguration {
    /** Before chains that match any request. */
    static final int ORDER = SupervisorSecurityAutoConfiguration.FILTER_ORDER;

    @Bean
    @ConditionalOnMissingBean
    SupervisorHttpSecurity supervisorHttpSecurity(SupervisorSecurityProperties props,
                                                  SupervisorRequestProtection protection,
                                                  SupervisorAuthenticator authenticator,
                                                  SupervisorPermissions permissions,
                                                  ObjectProvider<AuditLog> audit) {
        return new SupervisorHttpSecurity(props, protection, authenticator, permissions, audit.getIfAvailable());
    }

    /** The chains of an application that has none. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    static class DefaultChains {
        @Bean
        @Order(ORDER)
        SecurityFilterChain supervisorSecurityFilterChain(HttpSecurity http, SupervisorHttpSecurity supervisor)
                throws Exception {
            supervisor.apply(http);
            return http.build();
        }

        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE - 5)
        SecurityFilterChain supervisorDefaultSecurityFilterChain(HttpSecurity http, Environment env)
                throws Exception {
            String actuator = env.getProperty("management.endpoints.web.base-path", "/actuator")
                    .replaceAll("/+$", "");
            http.authorizeHttpRequests(r -> r.requestMatchers(actuator + "/health", actuator + "/health/**")
                    .permitAll().anyRequest().authenticated());
            http.formLogin(withDefaults());
            http.httpBasic(withDefaults());
            return http.build();
        }
    }
}
