package dev.supervisor.spring.boot.autoconfigure.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The contract without Spring Security: one servlet filter on Supervisor's paths, the rest left alone. */
class ServletFilterModeTest extends SecurityContract {
    @Override
    boolean springSecurity() {
        return false;
    }

    @Test
    void restOfTheApplication_isNotTouched() throws Exception {
        try (SecuredApp.Running app = SecuredApp.start(false)) {
            assertThat(app.send("GET", "/hello").statusCode()).isEqualTo(200);
            assertThat(app.send("GET", "/hello").headers().firstValue("Content-Security-Policy")).isEmpty();
        }
    }
}
