package dev.supervisor.spring.boot.web;

import dev.supervisor.core.Supervisor;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The test application on a real server on a random port, with a fresh gate for "block" tasks per test. */
@SpringBootTest(classes = ApiTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ApiServerTest {
    @LocalServerPort
    int port;
    @Autowired
    Supervisor supervisor;
    Http http;
    CountDownLatch gate;

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
