package dev.supervisor.auth.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.auth.audit.AuditLog;
import dev.supervisor.auth.audit.AuditRecord;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest {

    /* ---- fields ---- */

    @ParameterizedTest
    @ValueSource(strings = {"O'Brian", "José Ñúñez", "Ana-María", "Zoë d'Arc", "李小龍", "J. R. R. Tolkien"})
    void personName_realNames_pass(String name) {
        assertThat(Validators.personName("name", name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " leading", "<script>", "Robert'); DROP TABLE", "a\nb"})
    void personName_nonNames_areRejected(String name) {
        assertThatThrownBy(() -> Validators.personName("name", name)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("name: ");
    }

    @Test
    void identifierAndEmail_allowListsHold() {
        assertThat(Validators.identifier("id", "build-42.step_1")).isEqualTo("build-42.step_1");
        assertThatThrownBy(() -> Validators.identifier("id", "1abc")).hasMessageContaining("start with a letter");
        assertThat(Validators.email("email", "o'brian+ci@example.co.uk")).isNotEmpty();
        assertThatThrownBy(() -> Validators.email("email", "a@b")).hasMessage("email: is not an email address");
        assertThatThrownBy(() -> Validators.email("email", "a@example.com\r\nBcc: x@y.z"))
                .isInstanceOf(InvalidInputException.class);
    }

    /* ---- URL attributes (item 38) ---- */

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
        "java\tscript:alert(1)", "java\nscript:alert(1)", "&#106;avascript:alert(1)", "&#x6A;avascript:alert(1)",
        "&#106avascript:alert(1)", "javascript&colon;alert(1)", "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)", "\u0000javascript:alert(1)", "//evil.example/x", "/relative/only"})
    void safeUrl_disguisedSchemes_areRejected(String url) {
        assertThatThrownBy(() -> SafeUrls.check("href", url, Set.of("http", "https")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void safeUrl_ordinaryLinks_pass() {
        assertThat(SafeUrls.check("href", " https://example.com/a?b=c#d ", Set.of("https")))
                .isEqualTo("https://example.com/a?b=c#d");
    }

    /* ---- file paths (item 36) ---- */

    @ParameterizedTest
    @ValueSource(strings = {"../etc/passwd", "..\\windows", "%2e%2e%2fetc", "%252e%252e%252fetc", "..%c0%afetc",
        "....//etc", "..;/etc", "file%00.txt", "/etc/passwd", "C:\\Windows", "C:/Windows", "a/../../b", "a/./../.."})
    void safePath_traversalSet_isRejected(String path) {
        assertThatThrownBy(() -> SafePaths.resolve("file", Path.of("/srv/data"), path))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void safePath_ordinaryRelativePath_resolvesUnderBase() {
        assertThat(SafePaths.resolve("file", Path.of("/srv/data"), "reports/2026%20Q1.txt"))
                .isEqualTo(Path.of("/srv/data/reports/2026 Q1.txt"));
    }

    /* ---- request paths (item 35) ---- */

    @Test
    void requestPaths_dotSegmentsAndEncodings_cannotBypassRules() {
        assertThat(RequestPaths.matches("/docs/*", "/docs/../admin")).isFalse();
        assertThat(RequestPaths.matches("/admin", "/docs/../admin")).isTrue();
        assertThat(RequestPaths.matches("/docs/*", "/docs/%2e%2e/admin")).isFalse();
        assertThat(RequestPaths.matches("/admin", "/docs/%2e%2e/admin")).isTrue();
        assertThat(RequestPaths.matches("/admin", "/admin/")).isTrue();
        assertThat(RequestPaths.matches("/docs/*", "/docs/guide")).isTrue();
        assertThatThrownBy(() -> RequestPaths.canonical("/admin\n")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RequestPaths.canonical("/docs%2f..%2fadmin"))
                .hasMessageContaining("encoded slash");
    }

    /* ---- SSRF ---- */

    private final SsrfGuard guard = SsrfGuard.of(host -> switch (host) {
        case "public.example" -> List.of(InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34}));
        case "rebind.example" -> List.of(InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34}),
                InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
        case "metadata.example" -> List.of(InetAddress.getByAddress(host, new byte[] {(byte) 169, (byte) 254,
                (byte) 169, (byte) 254}));
        default -> List.of(InetAddress.getByName(host)); // literals only in these tests: no DNS
    }, Set.of("https"));

    @Test
    void ssrf_publicHost_passes() {
        assertThat(guard.check("https://public.example/api").getHostAddress()).isEqualTo("93.184.216.34");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/", "https://10.1.2.3/", "https://192.168.0.1/", "https://172.16.5.4/",
        "https://169.254.169.254/latest/meta-data", "https://metadata.example/", "https://rebind.example/",
        "https://[::1]/", "https://[fd00::1]/", "https://[fe80::1]/", "https://[::ffff:127.0.0.1]/",
        "https://0.0.0.0/", "https://100.64.0.1/", "https://2130706433/", "https://0x7f.1/", "https://0177.0.0.1/",
        "http://public.example/", "https://user@public.example/", "file:///etc/passwd"})
    void ssrf_internalTargets_areRejected(String url) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(InvalidInputException.class);
    }

    /* ---- JSON limits ---- */

    @Test
    void jsonLimits_deepOrLargeDocuments_areRefusedQuickly() {
        JsonLimits limits = JsonLimits.of(1 << 20, 64, 10_000);
        assertThat(limits.parse("body", "{\"a\":[1,2,{\"b\":null}]}").get("a").size()).isEqualTo(3);
        assertThatThrownBy(() -> limits.parse("body", "[".repeat(10_000) + "]".repeat(10_000)))
                .hasMessage("body: nests too deeply");
        assertThatThrownBy(() -> limits.parse("body", "\"" + "x".repeat(20_000) + "\""))
                .hasMessage("body: has a string that is too long");
        assertThatThrownBy(() -> limits.parse("body", "{\"a\":1,\"a\":2}")).hasMessage("body: repeats a member");
        assertThatThrownBy(() -> limits.parse("body", "x".repeat(2 << 20))).hasMessageContaining("at most");
    }

    /* ---- encoding (item 37) ---- */

    @Test
    void encoding_goldenOutputs() {
        assertThat(OutputEncoding.html("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(OutputEncoding.html("O'Brian & co")).isEqualTo("O&#39;Brian &amp; co");
        assertThat(OutputEncoding.html("\"><img src=x>")).startsWith("&#34;&gt;&lt;img");
        assertThat(OutputEncoding.htmlAttribute("<script>")).isEqualTo("&lt;script>");
        // 1.6.0 (the research notes' vector) gives \x3c\/script\x3e; 1.3.1, the version that resolves here,
        // gives <\/script>. Both keep a script block from being closed, which is the property that matters.
        assertThat(OutputEncoding.javaScript("</script>")).doesNotContain("</").contains("\\/script");
        assertThat(OutputEncoding.uriComponent("javascript:alert(1)")).isEqualTo("javascript%3Aalert%281%29");
        assertThat(OutputEncoding.html("javascript:alert(1)")).isEqualTo("javascript:alert(1)");
    }

    /* ---- SQL injection signal (item 39) ---- */

    @Test
    void injectionSignal_flagsButNeverBlocks() {
        List<AuditRecord> audit = new ArrayList<>();
        AuditLog log = AuditLog.of(audit::add, Clock.systemUTC(), false);
        assertThat(InjectionSignals.flag(log, "req-1", "name", "O'Brian")).isEqualTo("O'Brian");
        assertThat(InjectionSignals.flag(log, "req-2", "q", "1' OR '1'='1")).isEqualTo("1' OR '1'='1");
        assertThat(InjectionSignals.looksLikeSqlInjection("x UNION SELECT password FROM users")).isTrue();
        assertThat(audit).singleElement().satisfies(r -> {
            assertThat(r.event()).isEqualTo("malicious_sqli");
            assertThat(r.fields()).isEqualTo(Map.of("field", "q", "sample", "1' OR '1'='1"));
        });
    }
}
