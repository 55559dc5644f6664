package dev.supervisor.spring.boot.autoconfigure.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The contract with Spring Security on the class path, plus what the rest of the application keeps. */
class SpringSecurityModeTest extends SecurityContract {
    @Override
    boolean springSecurity() {
        return true;
    }

    @Test
    void restOfTheApplication_keepsBootsDefaultSecurity() throws Exception {
        try (SecuredApp.Running app = SecuredApp.start(true, "management.endpoints.web.exposure.include=health")) {
            assertThat(app.send("GET", "/hello").statusCode()).isEqualTo(401);
            assertThat(app.send("GET", "/actuator/health").statusCode()).isEqualTo(200);
        }
    }
}
