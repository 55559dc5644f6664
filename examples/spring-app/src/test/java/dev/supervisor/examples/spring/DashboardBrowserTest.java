package dev.supervisor.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supervisor.analytics.series.MetricStore;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.spi.TaskContext;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.auth.jwt.JwsAlgorithm;
import dev.supervisor.auth.jwt.JwtSigner;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.cron.CronScheduler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * The dashboard of the example application in a real browser: sign in, watch a run live until it ends, open a
 * failed task's error, cancel and retry as the roles allow, pause a schedule, see charts with points. Every value
 * from the workflow renders as text, and the browser's console stays free of errors. Screenshots of each page go to
 * {@code target/dashboard-screenshots}.
 */
@SpringBootTest(classes = {CodeChangeApplication.class, DashboardBrowserTest.Gate.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "codechange.work-delay=150ms", "supervisor.dashboard.refresh=1s",
            "supervisor.security.rate-limit.enabled=false", "supervisor.security.jwt.issuer=https://example.test",
            "supervisor.security.jwt.audience=supervisor",
            "supervisor.security.jwt.hmac-secret=" + DashboardBrowserTest.SECRET})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
    static final String SECRET = "example-dashboard-test-secret-0123456789";
    static final String XSS = "<img src=x onerror=alert(1)>";
    static final AtomicReference<CountDownLatch> GATE = new AtomicReference<>(new CountDownLatch(0));
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    @LocalServerPort
    int port;
    @Autowired
    Supervisor supervisor;
    @Autowired
    CronScheduler cron;
    @Autowired
    MetricStore metrics;
    Browser browser;

    /** One more handler beside the example's: a "gate" task that waits until the test opens it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Gate {
        @Bean
        TaskHandler gateHandler() {
            return new TaskHandler() {
                @Override
                public Set<TaskType> types() {
                    return Set.of(TaskType.of("gate"));
                }

                @Override
                public Object execute(TaskContext ctx) throws InterruptedException {
                    GATE.get().await();
                    return "opened";
                }
            };
        }
    }

    /** A workflow whose id and inputs are markup, held at its gate; its review fails (it has no lint upstream). */
    static String workflow() {
        return """
                {"workflow": {"id": "<img src=x onerror=alert(1)>", "tasks": [
                  {"id": "gate", "type": "gate"},
                  {"id": "checkout", "type": "git.checkout", "dependsOn": ["gate"], "estimatedDuration": "PT1S"},
                  {"id": "lint", "type": "lint", "dependsOn": ["checkout"], "estimatedDuration": "PT3S"},
                  {"id": "unit-tests", "type": "TESTING", "dependsOn": ["checkout"]},
                  {"id": "review", "type": "PR_REVIEW", "dependsOn": ["checkout"]}]},
                 "inputs": {"repository": "<script>alert(2)</script>", "change": "<img src=x onerror=alert(3)>"}}""";
    }

    static String token(String subject, String role) {
        JwtSigner signer = JwtSigner.of(null, JwsAlgorithm.HS256,
                new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        Instant now = Instant.now();
        return signer.sign("JWT", Map.of("iss", "https://example.test", "aud", "supervisor", "sub", subject,
                "roles", List.of(role), "iat", now.getEpochSecond(), "exp", now.plusSeconds(3600).getEpochSecond()));
    }

    private String submit() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base()
                + "/supervisor/api/runs")).header("Authorization", "Bearer " + token("ada", "admin"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(workflow()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("runId").asText();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    @BeforeAll
    void openBrowser() {
        String missing = Browser.unavailable();
        Assumptions.assumeTrue(missing == null, missing);
        browser = Browser.start(1440, 1000);
    }

    @AfterEach
    void consoleStaysClean() {
        if (browser != null) {
            assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
            assertThat(browser.driver.findElements(By.tagName("img"))).as("markup from data").isEmpty();
        }
    }

    @AfterAll
    void closeBrowser() {
        GATE.get().countDown();
        if (browser != null) {
            browser.close();
        }
    }

    private void signIn(String subject, String role) {
        browser.driver.get(base() + "/supervisor/");
        By signOut = By.id("signout");
        By secretField = By.id("login-secret");
        browser.waiting(PATIENCE).until(d -> d.findElement(signOut).isDisplayed()
                || d.findElement(secretField).isDisplayed());
        if (browser.driver.findElement(signOut).isDisplayed()) {
            browser.driver.findElement(signOut).click(); // stops the page's reads before the credential goes
        }
        WebElement secret = browser.waiting(PATIENCE).until(d -> {
            WebElement e = d.findElement(By.id("login-secret"));
            return e.isDisplayed() ? e : null;
        });
        secret.sendKeys(token(subject, role));
        browser.driver.findElement(By.id("login-submit")).click();
        browser.waiting(PATIENCE).until(d -> subject.equals(d.findElement(By.id("who")).getText()));
    }

    private void open(String hash) {
        browser.driver.get(base() + "/supervisor/#/" + hash);
    }

    /** Counted in the page: cheaper than bringing thousands of element references over the wire. */
    private long count(String selector) {
        return ((Number) browser.driver.executeScript("return document.querySelectorAll(arguments[0]).length",
                selector)).longValue();
    }

    private String nodeState(String taskId) {
        return browser.driver.findElement(By.cssSelector("g.node[data-task='" + taskId + "']")).getAttribute("class");
    }

    @Test
    @Order(1)
    void signIn_thenRunsList() {
        browser.driver.get(base() + "/supervisor/");
        browser.waiting(PATIENCE).until(d -> d.findElement(By.id("login-secret")).isDisplayed());
        browser.screenshot("01-sign-in");
        signIn("ada", "admin");
        browser.waiting(PATIENCE).until(d -> !d.findElements(By.id("recent-runs")).isEmpty());
    }

    @Test
    @Order(2)
    void runPage_followsTheRunLive_untilItEnds_andShowsAFailedTasksError() throws Exception {
        signIn("ada", "admin");
        CountDownLatch gate = new CountDownLatch(1);
        GATE.set(gate);
        String runId = submit();
        open("runs/" + runId);
        browser.waiting(PATIENCE).until(d -> nodeState("gate").contains("st-RUNNING")
                && "live".equals(d.findElement(By.id("stream-state")).getAttribute("data-state")));
        assertThat(nodeState("checkout")).contains("st-PENDING");
        browser.driver.executeScript("window.stillTheSamePage = true;");
        browser.screenshot("03-run-waiting");

        gate.countDown();
        browser.waiting(PATIENCE).until(d -> "FAILED".equals(d.findElement(By.cssSelector("article.run"))
                .getAttribute("data-status")));
        assertThat(nodeState("gate")).contains("st-SUCCEEDED");
        assertThat(nodeState("checkout")).contains("st-SUCCEEDED");
        assertThat(nodeState("review")).contains("st-FAILED");
        assertThat(browser.driver.executeScript("return window.stillTheSamePage === true")).as("no reload")
                .isEqualTo(true);
        assertThat(((Number) browser.driver.executeScript("return window.supervisorDashboard.latencyCount()"))
                .intValue()).as("events applied live").isGreaterThanOrEqualTo(8);
        assertThat(browser.driver.findElement(By.cssSelector("h1 .workflow")).getText()).isEqualTo(XSS);
        assertThat(supervisor.run(runId).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
        browser.screenshot("04-run-ended");

        browser.driver.findElement(By.cssSelector("g.node[data-task='review']")).click();
        // The panel is drawn at once from the page's events and again when the task's detail arrives: the
        // element is read within the wait, which looks again if it was replaced meanwhile.
        String error = browser.waiting(PATIENCE).until(d -> {
            List<WebElement> e = d.findElements(By.cssSelector("#task-detail .task-error"));
            return e.isEmpty() ? null : e.get(0).getText();
        });
        assertThat(error).containsIgnoringCase("null");
        browser.driver.findElement(By.cssSelector("g.node[data-task='checkout']")).click();
        browser.waiting(PATIENCE).until(d -> d.findElement(By.id("task-detail")).getText()
                .contains("<script>alert(2)</script>"));
        browser.driver.findElement(By.cssSelector("g.node[data-task='review']")).click();
        browser.waiting(PATIENCE).until(d -> !d.findElements(By.cssSelector("#task-detail .task-error")).isEmpty());
        browser.screenshot("05-failed-task-error");
    }

    @Test
    @Order(3)
    void taskIdMadeOfMarkup_rendersAsText_inTheGraphAndTheTaskPanel() {
        signIn("ada", "admin");
        Object result = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const id = arguments[0];
                Promise.all([import(new URL('assets/graph.js', document.baseURI).href),
                             import(new URL('assets/task.js', document.baseURI).href)]).then(([graph, task]) => {
                  const host = document.createElement('div');
                  document.body.append(host);
                  graph.drawGraph(host, {levels: 1, maxWidth: 1, edges: [], criticalPath: [id],
                    nodes: [{id, type: 'work', level: 0, row: 0, critical: true, estimateMillis: 1}]}, () => {});
                  const panel = document.createElement('aside');
                  host.append(panel);
                  const calls = [{call: 1, provider: 'primary', outcome: 'RATE_LIMITED', reason: id, duration: 40},
                    {call: 2, provider: 'fallback', outcome: 'SUCCEEDED', reason: null, duration: 90}];
                  task.renderTask(panel, {id, type: 'work', state: 'FAILED', attempts: [{n: 1, calls,
                    outcome: 'FAILED', error: id}], attemptCount: 1, error: id}, {output: id});
                  const out = [host.querySelectorAll('img').length,
                    host.querySelector('g.node').getAttribute('data-task'),
                    host.querySelector('g.node title').textContent, panel.querySelector('.task-id').textContent,
                    panel.querySelector('.output').textContent,
                    [...panel.querySelectorAll('ol.calls li')].map(li => li.textContent).join(' | ')];
                  host.remove();
                  done(out);
                }).catch(e => done(String(e)));""", XSS);
        assertThat(result).isEqualTo(List.of(0L, XSS, XSS + " (work)", XSS, XSS,
                "primary rate limited 40 ms " + XSS + " | fallback succeeded 90 ms"));
    }

    @Test
    @Order(4)
    void cancelAndRetry_areOfferedOnlyToCallersWhoMayExecute() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        GATE.set(gate);
        String runId = submit();
        signIn("vic", "viewer");
        open("runs/" + runId);
        browser.waiting(PATIENCE).until(d -> nodeState("gate").contains("st-RUNNING"));
        assertThat(browser.driver.findElements(By.id("cancel-run"))).as("a viewer gets no cancel button").isEmpty();

        signIn("ada", "admin");
        open("runs/" + runId);
        browser.waiting(PATIENCE).until(d -> !d.findElements(By.id("cancel-run")).isEmpty());
        browser.driver.findElement(By.id("cancel-run")).click();
        browser.driver.switchTo().alert().accept();
        browser.waiting(PATIENCE).until(d -> "CANCELLED".equals(d.findElement(By.cssSelector("article.run"))
                .getAttribute("data-status")));
        browser.waiting(PATIENCE).until(d -> !d.findElements(By.id("retry-run")).isEmpty());
        browser.driver.findElement(By.id("retry-run")).click();
        browser.waiting(PATIENCE).until(d -> !d.getCurrentUrl().endsWith(runId)
                && d.getCurrentUrl().contains("#/runs/"));
        String retried = browser.driver.getCurrentUrl().replaceAll(".*#/runs/", "");
        gate.countDown();
        assertThat(supervisor.run(retried).orElseThrow().outcome().get().status()).isEqualTo(RunStatus.FAILED);
        browser.waiting(PATIENCE).until(d -> "FAILED".equals(d.findElement(By.cssSelector("article.run"))
                .getAttribute("data-status")));

        open("runs");
        browser.waiting(PATIENCE).until(d -> d.findElements(By.cssSelector("#recent-runs tr[data-run]")).size() >= 3
                && !d.findElements(By.cssSelector("#failed-runs tr[data-run='" + retried + "']")).isEmpty());
        browser.screenshot("02-runs");
    }

    @Test
    @Order(5)
    void schedules_canBePausedAndResumed() {
        signIn("ada", "admin");
        open("schedules");
        By pause = By.cssSelector("section[data-schedule='code-change'] button.pause");
        browser.waiting(PATIENCE).until(d -> !d.findElements(pause).isEmpty());
        browser.driver.findElement(pause).click();
        browser.waiting(PATIENCE).until(d -> cron.info("code-change").orElseThrow().paused()
                && !d.findElements(By.cssSelector("section[data-schedule='code-change'] .badge.st-PAUSED")).isEmpty());
        browser.screenshot("06-schedule-paused");
        browser.driver.findElement(By.cssSelector("section[data-schedule='code-change'] button.resume")).click();
        browser.waiting(PATIENCE).until(d -> !cron.info("code-change").orElseThrow().paused()
                && !d.findElements(By.cssSelector("section[data-schedule='code-change'] .fires li")).isEmpty());
        browser.screenshot("07-schedules");
    }

    /** The app just started: an hour of the example's history, steady but for one burst the detector flags. */
    private void recordAnHourOfHistory() {
        Instant now = Instant.now();
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int m = 60; m >= 1; m--) {
            Instant at = now.minus(Duration.ofMinutes(m));
            int count = m == 15 ? 120 : 20 + random.nextInt(8);
            for (int i = 0; i < count; i++) {
                for (String type : List.of("lint", "TESTING")) {
                    Map<String, String> labels = Map.of("workflow", "code-change", "type", type, "provider", "local");
                    metrics.record("task.succeeded", labels, at, 1);
                    metrics.record("task.duration", labels, at, 0.1 + random.nextDouble() * (m == 15 ? 2 : 0.1));
                    if (i % 10 == 0) {
                        metrics.record("task.failed", labels, at, 1);
                    }
                }
            }
        }
    }

    /** 2,000 lint tasks on 20 levels of 100, each after two tasks of the level before. */
    static String largeWorkflow() {
        StringBuilder tasks = new StringBuilder();
        for (int level = 0; level < 20; level++) {
            for (int i = 0; i < 100; i++) {
                tasks.append(tasks.length() == 0 ? "" : ",").append("{\"id\":\"t").append(level).append('-').append(i)
                        .append("\",\"type\":\"lint\"");
                if (level > 0) {
                    tasks.append(",\"dependsOn\":[\"t").append(level - 1).append('-').append(i).append("\",\"t")
                            .append(level - 1).append('-').append((i * 7 + 3) % 100).append("\"]");
                }
                tasks.append('}');
            }
        }
        return "{\"workflow\":{\"id\":\"large\",\"tasks\":[" + tasks + "]}}";
    }

    @Test
    @Order(6)
    void largeRun_drawsTwoThousandTasks_andFollowsThemLive() throws Exception {
        signIn("ada", "admin");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base()
                + "/supervisor/api/runs")).header("Authorization", "Bearer " + token("ada", "admin"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        largeWorkflow())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String runId = JSON.readTree(r.body()).get("runId").asText();
        open("runs/" + runId);
        browser.waiting(PATIENCE).until(d -> count("g.node") == 2000);
        System.out.printf("run page with 2,000 tasks: graph drawn %s ms after the page opened%n", browser.driver
                .findElement(By.cssSelector("article.run")).getAttribute("data-drawn-ms"));
        browser.waiting(PATIENCE).until(d -> d.findElement(By.cssSelector("svg.graph")).getAttribute("class")
                .contains("far")); // fitted: labels hidden
        browser.waiting(Duration.ofMinutes(3)).until(d -> "SUCCEEDED".equals(d.findElement(
                By.cssSelector("article.run")).getAttribute("data-status")));
        assertThat(count("g.node.st-SUCCEEDED")).isEqualTo(2000);
        browser.screenshot("10-large-run");
        WebElement zoomIn = browser.driver.findElement(By.cssSelector(".graph-tools button[title='Zoom in']"));
        for (int i = 0; i < 12; i++) {
            zoomIn.click();
        }
        assertThat(browser.driver.findElement(By.cssSelector("svg.graph")).getAttribute("class")).doesNotContain("far");
        browser.screenshot("11-large-run-zoomed");
    }

    @Test
    @Order(7)
    void metrics_drawChartsWithPoints_andSystemPageShowsProvidersAndPlugins() {
        recordAnHourOfHistory();
        signIn("ada", "admin");
        open("metrics");
        By throughput = By.cssSelector("figure.chart[data-title^='Throughput']");
        browser.waiting(PATIENCE).until(d -> !d.findElements(throughput).isEmpty()
                && Integer.parseInt(d.findElement(throughput).getAttribute("data-points")) > 0);
        assertThat(browser.driver.findElements(By.cssSelector("figure.chart canvas"))).isNotEmpty();
        assertThat(Integer.parseInt(browser.driver.findElement(throughput).getAttribute("data-forecast")))
                .as("forecast steps drawn").isPositive();
        browser.screenshot("08-metrics");
        open("system");
        browser.waiting(PATIENCE).until(d -> !d.findElement(By.id("providers")).getText().startsWith("Loading")
                && !d.findElement(By.id("plugins")).getText().startsWith("Loading"));
        browser.screenshot("09-providers-and-plugins");
    }
}
