package dev.supervisor.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * A Spring Boot application that supervises code changes: the code-change workflow (checkout, then lint, unit
 * tests and a secret scan in parallel, then a review and a report) runs on a cron schedule and on demand through
 * the REST API under {@code /supervisor/api}, with its runs kept in H2 (or PostgreSQL with the {@code postgres}
 * profile). Health at {@code /actuator/health}, the API's OpenAPI document at {@code /v3/api-docs}.
 */
@SpringBootApplication
@EnableConfigurationProperties(CodeChangeProperties.class)
public class CodeChangeApplication {
    /**
     * @param args Spring Boot arguments, e.g. {@code --server.port=9090}
     */
    public static void main(String[] args) {
        SpringApplication.run(CodeChangeApplication.class, args);
    }
}
