package dev.supervisor.spring.boot.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;

/**
 * When the application has springdoc, each API operation in its OpenAPI document names the permission it needs
 * ({@code x-permission} and the description) and its 401 and 403 problem answers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(GlobalOperationCustomizer.class)
class ApiDocumentation {
    /** The OpenAPI extension that carries an operation's permission. */
    static final String PERMISSION = "x-permission";

    @Bean
    GlobalOperationCustomizer supervisorApiPermissionsInDocs() {
        return (Operation operation, HandlerMethod method) -> {
            ApiPermission p = method.getMethodAnnotation(ApiPermission.class);
            // Supervisor's own endpoints only (the API's and the dashboard's), not the application's
            if (p == null || !method.getBeanType().getPackageName().startsWith("dev.supervisor.spring.boot.")) {
                return operation;
            }
            operation.addExtension(PERMISSION, p.value());
            String needs = "Needs permission `" + p.value() + "`.";
            operation.setDescription(operation.getDescription() == null ? needs
                    : operation.getDescription() + "\n\n" + needs);
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            responses.putIfAbsent("401", problem("No authentication"));
            responses.putIfAbsent("403", problem("The caller lacks " + p.value()));
            operation.setResponses(responses);
            return operation;
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))));
    }
}
