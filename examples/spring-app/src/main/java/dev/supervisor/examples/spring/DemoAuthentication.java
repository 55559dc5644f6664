package dev.supervisor.examples.spring;

import dev.supervisor.spring.boot.web.ApiCaller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The example's callers: {@code Authorization: Bearer <token>} with the tokens of {@code codechange.tokens.*}, each
 * standing for one role of the API's policy. Without configured tokens one admin token is made up and logged.
 */
@Configuration(proxyBeanMethods = false)
class DemoAuthentication {
    private static final Logger LOG = LoggerFactory.getLogger(DemoAuthentication.class);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> bearerTokens(CodeChangeProperties props) {
        Map<String, String> tokens = new LinkedHashMap<>();
        if (props.tokens() == null || props.tokens().isEmpty()) {
            byte[] raw = new byte[16];
            new SecureRandom().nextBytes(raw);
            String token = HexFormat.of().formatHex(raw);
            tokens.put(token, "admin");
            LOG.info("API token for role admin (set codechange.tokens.<token>=<role> to choose your own): {}", token);
        } else {
            tokens.putAll(props.tokens());
        }
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                String header = request.getHeader("Authorization");
                if (header != null && header.startsWith("Bearer ")) {
                    byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
                    for (Map.Entry<String, String> t : tokens.entrySet()) {
                        if (MessageDigest.isEqual(given, t.getKey().getBytes(StandardCharsets.UTF_8))) {
                            request.setAttribute(ApiCaller.REQUEST_ATTRIBUTE, new ApiCaller(t.getValue() + "-token",
                                    Set.of(t.getValue())));
                        }
                    }
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> r = new FilterRegistrationBean<>(filter);
        r.addUrlPatterns("/supervisor/api/*");
        return r;
    }
}
