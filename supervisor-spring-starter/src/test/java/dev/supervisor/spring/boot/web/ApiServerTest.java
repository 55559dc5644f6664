package dev.supervisor.spring.boot.web;

import dev.supervisor.core.Supervisor;
import dev.supervisor.spring.boot.testplugins.BrokenPlugin;
import dev.supervisor.spring.boot.testplugins.GreeterPlugin;
import dev.supervisor.spring.boot.testplugins.PluginJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The test application on a real server on a random port, with a fresh gate for "block" tasks per test. Bearer
 * tokens of the test issuer are accepted through the starter's security; the rate limit is raised for the tests'
 * bursts; the plugins directory holds two plugins; the rest of the application (the OpenAPI document) is behind Spring Boot's default security, with a user
 * for the documentation test.
 */
@SpringBootTest(classes = ApiTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "supervisor.security.jwt.issuer=" + ApiTestApp.ISSUER, "supervisor.security.jwt.audience=" + ApiTestApp.AUDIENCE,
    "supervisor.security.jwt.hmac-secret=" + ApiTestApp.SECRET,
    "supervisor.security.rate-limit.requests-per-minute=100000", "supervisor.cron.warm-up=false",
    "supervisor.node-id=test-node", "supervisor.max-active-runs=4", "supervisor.plugins.grants.greeter=events",
    "supervisor.plugins.settings.greeter.greeting=hi",
    "spring.security.user.name=" + ApiServerTest.DOCS_USER, "spring.security.user.password=" + ApiServerTest.DOCS_PASSWORD})
abstract class ApiServerTest {
    static final String DOCS_USER = "docs-reader";
    static final String DOCS_PASSWORD = "docs-reader-password";
    @LocalServerPort
    int port;
    @Autowired
    Supervisor supervisor;
    Http http;
    CountDownLatch gate;

    /** The plugins directory: the greeter plugin and one that fails to start, as jars. */
    @DynamicPropertySource
    static void plugins(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "api-test-plugins"));
        PluginJar.write(dir.resolve("greeter.jar"), GreeterPlugin.class);
        PluginJar.write(dir.resolve("broken.jar"), BrokenPlugin.class);
        registry.add("supervisor.plugins.directory", dir::toString);
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
        gate = new CountDownLatch(1);
        ApiTestApp.GATE.set(gate);
    }

    @AfterEach
    void release() {
        gate.countDown();
    }

    /** Waits for a run to end. */
    void await(String runId) {
        supervisor.run(runId).orElseThrow().outcome().join();
    }
}
