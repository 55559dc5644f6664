package dev.supervisor.spring.boot.autoconfigure.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** The contract with Spring Security on the class path, plus what the rest of the application keeps. */
class SpringSecurityModeTest extends SecurityContract {
    @Override
    boolean springSecurity() {
        return true;
    }

    /** An application whose own chain lets everything through: Supervisor's default chains back off. */
    @Configuration(proxyBeanMethods = false)
    static class OwnChain {
        @Bean
        SecurityFilterChain open(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
        }
    }

    /** An application with its own chains, one of which applies Supervisor's parts to Supervisor's paths. */
    @Configuration(proxyBeanMethods = false)
    static class OwnChainsWithSupervisorParts {
        @Bean
        @Order(1)
        SecurityFilterChain supervisorChain(HttpSecurity http, SupervisorHttpSecurity supervisor) throws Exception {
            supervisor.apply(http);
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain open(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
        }
    }

    @Test
    void applicationWithItsOwnChain_keepsIt() throws Exception {
        try (SecuredApp.Running app = SecuredApp.start(true, new Class<?>[] {OwnChain.class})) {
            var dashboard = app.send("GET", "/supervisor/dashboard");
            assertThat(dashboard.statusCode()).isEqualTo(200);
            assertThat(dashboard.headers().firstValue("Content-Security-Policy")).as("no Supervisor chain").isEmpty();
            assertThat(app.send("GET", "/hello").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void applicationWithItsOwnChains_canApplySupervisorsParts() throws Exception {
        try (SecuredApp.Running app = SecuredApp.start(true, new Class<?>[] {OwnChainsWithSupervisorParts.class},
                SecuredApp.JWT)) {
            assertThat(app.send("POST", "/supervisor/api/runs").statusCode()).isEqualTo(401);
            String viewer = "Bearer " + SecuredApp.token("bob", List.of("viewer"), java.time.Instant.now()
                    .plusSeconds(300));
            assertThat(app.send("GET", "/supervisor/api/runs", "Authorization", viewer).body())
                    .isEqualTo("runs for bob");
            assertThat(app.send("GET", "/hello").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void restOfTheApplication_keepsBootsDefaultSecurity() throws Exception {
        try (SecuredApp.Running app = SecuredApp.start(true, "management.endpoints.web.exposure.include=health")) {
            assertThat(app.send("GET", "/hello").statusCode()).isEqualTo(401);
            assertThat(app.send("GET", "/actuator/health").statusCode()).isEqualTo(200);
        }
    }
}
