package dev.supervisor.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supervisor.core.Supervisor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Event-to-screen latency of the dashboard with many live pages: {@code dashboard.pages} tabs (200 by default) of
 * one headless Chromium follow {@code dashboard.runs} runs of the example app on loopback; each page records, for
 * every live event, the time from the event's timestamp (set by the engine) to the end of its DOM update. The runs
 * wait at a gate until every page is open and live, then run for about a minute. Each tab has its own host name
 * (all mapped to 127.0.0.1) so that the browser's six-connections-per-host limit does not queue the streams, and
 * the tabs share {@code dashboard.processes} renderer processes (one per site). Opening stops early if the machine
 * runs short of memory (the report says how many pages were open). Prints p50/p95/p99/max and the load average,
 * and writes them to {@code target/dashboard-latency.txt}. Run with
 * {@code ./mvnw -B -ntp -pl examples/spring-app -am verify -Pslow -Dtest=DashboardLatencyTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("slow")
@SpringBootTest(classes = {CodeChangeApplication.class, DashboardBrowserTest.Gate.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"codechange.work-delay=2s", "supervisor.max-concurrency=256",
            "supervisor.security.rate-limit.enabled=false", "supervisor.security.jwt.issuer=https://example.test",
            "supervisor.security.jwt.audience=supervisor",
            "supervisor.security.jwt.hmac-secret=" + DashboardBrowserTest.SECRET})
class DashboardLatencyTest {
    private static final int PAGES = Integer.getInteger("dashboard.pages", 200);
    private static final int RUNS = Integer.getInteger("dashboard.runs", 10);
    private static final Duration WINDOW = Duration.ofSeconds(Long.getLong("dashboard.window", 30));
    private static final int PROCESSES = Integer.getInteger("dashboard.processes", 4);
    private static final long MIN_FREE_MEMORY = 3L << 30;
    private static final int CHAINS = 4;
    private static final int LENGTH = 30;
    @LocalServerPort
    int port;
    @Autowired
    Supervisor supervisor;

    /** A gate, then {@code CHAINS} parallel chains of {@code LENGTH} two-second lint tasks: a minute of events. */
    static String longWorkflow() {
        StringBuilder tasks = new StringBuilder("{\"id\":\"gate\",\"type\":\"gate\"}");
        for (int c = 0; c < CHAINS; c++) {
            for (int i = 0; i < LENGTH; i++) {
                tasks.append(",{\"id\":\"c").append(c).append('-').append(i)
                        .append("\",\"type\":\"lint\"")
                        .append(",\"dependsOn\":[\"").append(i == 0 ? "gate" : "c" + c + "-" + (i - 1)).append("\"]}");
            }
        }
        return "{\"workflow\":{\"id\":\"latency\",\"timeout\":\"PT30M\",\"tasks\":[" + tasks + "]}}";
    }

    @Test
    void eventToScreen_withManyLivePages() throws Exception {
        String missing = Browser.unavailable();
        Assumptions.assumeTrue(missing == null, missing);
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        DashboardBrowserTest.GATE.set(gate);
        String token = DashboardBrowserTest.token("bench", "viewer");
        String admin = DashboardBrowserTest.token("bench-admin", "admin");
        List<String> runs = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        for (int r = 0; r < RUNS; r++) {
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/supervisor/api/runs")).header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            longWorkflow())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            runs.add(new ObjectMapper().readTree(created.body()).get("runId").asText());
        }
        String credential = new ObjectMapper().writeValueAsString(java.util.Map.of("kind", "bearer",
                "secret", token));
        // The server's part of the latency: the same follower the streams use, timed at delivery in the server.
        List<Double> server = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean measuring = new java.util.concurrent.atomic.AtomicBoolean();
        List<dev.supervisor.api.event.Subscription> serverSide = new ArrayList<>();
        for (String run : runs) {
            serverSide.add(supervisor.follow(run, 0, e -> {
                if (measuring.get()) {
                    server.add((double) Duration.between(e.event().timestamp(), java.time.Instant.now()).toNanos()
                            / 1e6);
                }
            }));
        }
        try (Browser browser = Browser.start(1024, 768, "--host-resolver-rules=MAP *.test 127.0.0.1",
                "--process-per-site", "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows")) {
            List<String> tabs = new ArrayList<>();
            for (int p = 0; p < PAGES && freeMemory() > MIN_FREE_MEMORY; p++) {
                if (p > 0) {
                    browser.driver.switchTo().newWindow(WindowType.TAB);
                }
                String page = "http://p" + p + ".s" + (p % PROCESSES) + ".test:" + port + "/supervisor/";
                browser.driver.get(page + "assets/favicon.svg"); // on the page's origin, to leave the credential
                browser.driver.executeScript("sessionStorage.setItem('supervisor.credential', arguments[0])",
                        credential);
                browser.driver.get(page + "#/runs/" + runs.get(p % runs.size()));
                tabs.add(browser.driver.getWindowHandle());
            }
            int pages = tabs.size();
            long[] start = new long[pages];
            for (int p = 0; p < pages; p++) {
                browser.driver.switchTo().window(tabs.get(p));
                browser.waiting(Duration.ofMinutes(2)).until(d -> "live".equals(d.findElement(
                        By.id("stream-state")).getAttribute("data-state")));
                start[p] = ((Number) browser.driver.executeScript(
                        "return window.supervisorDashboard.latencyCount()")).longValue();
            }
            String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
            measuring.set(true);
            gate.countDown();
            Thread.sleep(WINDOW.toMillis()); // the measurement window: pages follow their runs meanwhile
            String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
            List<Double> all = new ArrayList<>();
            int quiet = 0;
            for (int p = 0; p < pages; p++) {
                browser.driver.switchTo().window(tabs.get(p));
                @SuppressWarnings("unchecked")
                List<Number> samples = (List<Number>) browser.driver.executeScript(
                        "return window.supervisorDashboard.latencies().slice(arguments[0])", start[p]);
                quiet += samples.isEmpty() ? 1 : 0;
                samples.forEach(n -> all.add(n.doubleValue()));
            }
            measuring.set(false);
            double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] delivered;
            synchronized (server) {
                delivered = server.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            }
            String report = String.format("pages=%d runs=%d window=%ds events-on-screen=%d pages-without-events=%d%n"
                    + "latency ms: p50=%.0f p95=%.0f p99=%.0f max=%.0f%n"
                    + "of which in the server (event to follower delivery, %d events): p50=%.1f p95=%.1f p99=%.1f "
                    + "max=%.1f%nloadavg before=%s after=%s%n", pages,
                    RUNS, WINDOW.toSeconds(), sorted.length, quiet, pct(sorted, 0.50), pct(sorted, 0.95),
                    pct(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1], delivered.length,
                    pct(delivered, 0.50), pct(delivered, 0.95), pct(delivered, 0.99),
                    delivered.length == 0 ? 0 : delivered[delivered.length - 1], loadBefore, loadAfter);
            System.out.print(report);
            Files.writeString(Path.of("target", "dashboard-latency.txt"), report);
            // The browser asks each new host name for /favicon.ico by itself (the pages name their icon); only the
            // pages' own errors count.
            assertThat(browser.consoleErrors()).filteredOn(e -> !e.contains("/favicon.ico ")).isEmpty();
            assertThat(sorted.length).isPositive();
        } finally {
            serverSide.forEach(dev.supervisor.api.event.Subscription::close);
            gate.countDown();
            runs.forEach(id -> supervisor.run(id).ifPresent(r -> r.cancel()));
        }
    }

    private static long freeMemory() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemAvailable:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) << 10;
            }
        }
        return Long.MAX_VALUE;
    }

    private static double pct(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
