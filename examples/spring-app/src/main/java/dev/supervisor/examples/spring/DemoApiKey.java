package dev.supervisor.examples.spring;

import dev.supervisor.auth.apikey.ApiKeys;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A demo setting ({@code codechange.demo-api-key=true}): once the application is ready, it creates an API key with
 * every permission of the REST API and logs it with a call to try, so the API can be used at once. A real
 * application takes its callers' tokens from its identity provider ({@code supervisor.security.jwt.*}) or creates
 * keys for its clients with the {@link ApiKeys} bean, and shows each key only to its owner.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("codechange.demo-api-key")
class DemoApiKey {
    private static final Logger LOG = LoggerFactory.getLogger(DemoApiKey.class);
    /** What the API's endpoints need (the preset admin role's permissions that the API uses). */
    static final Set<String> EVERY_PERMISSION = Set.of("workflows:read", "workflows:create", "workflows:update",
            "workflows:delete", "workflows:execute", "providers:read", "analytics:read", "analytics:export",
            "system:admin");

    @Bean
    ApplicationListener<ApplicationReadyEvent> demoApiKeyAtStart(ApiKeys keys) {
        return ready -> {
            String key = keys.create("demo", EVERY_PERMISSION, Duration.ofDays(1));
            int port = ready.getApplicationContext() instanceof WebServerApplicationContext web
                    ? web.getWebServer().getPort() : 8080;
            LOG.warn("DEMO SETTING codechange.demo-api-key=true: an API key with every permission, valid for 24 hours"
                    + " and only while this process runs; set codechange.demo-api-key=false and configure "
                    + "supervisor.security.jwt.* for real use.\n    API key: {}\n    Try: curl -H 'X-API-Key: {}' "
                    + "http://localhost:{}/supervisor/api/runs", key, key, port);
        };
    }
}
