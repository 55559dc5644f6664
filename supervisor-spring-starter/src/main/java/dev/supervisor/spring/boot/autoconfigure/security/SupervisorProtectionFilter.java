package dev.supervisor.spring.boot.autoconfigure.security;

import dev.supervisor.auth.validation.InvalidInputException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** The {@link SupervisorRequestProtection} as the first filter of Supervisor's Spring Security chain. */
class SupervisorProtectionFilter extends OncePerRequestFilter {
    private final SupervisorRequestProtection protection;

    SupervisorProtectionFilter(SupervisorRequestProtection protection) {
        this.protection = protection;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!protection.apply(request, response)) {
            return;
        }
        try {
            SupervisorRequestProtection.canonicalPath(request);
        } catch (InvalidInputException e) {
            Problems.write(request, response, 400, "request path cannot be made canonical");
            return;
        }
        chain.doFilter(request, response);
    }
}
