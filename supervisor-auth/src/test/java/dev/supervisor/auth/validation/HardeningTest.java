package dev.supervisor.auth.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SSRF transition forms, symlinks out of a base, strict JSON, bounded regex cost, safe messages. */
class HardeningTest {
    private final SsrfGuard literalsOnly = SsrfGuard.of(host -> List.of(InetAddress.getByName(host)), Set.of("https"));

    @ParameterizedTest
    @ValueSource(strings = {"https://[64:ff9b::a9fe:a9fe]/", "https://[64:ff9b::7f00:1]/", "https://[64:ff9b::a00:1]/",
        "https://[64:ff9b:1::a9fe:a9fe]/", "https://[2002:a9fe:a9fe::1]/", "https://[2002:7f00:1::]/",
        "https://[::ffff:0:a9fe:a9fe]/", "https://[::ffff:0:7f00:1]/", "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
        "https://[::a9fe:a9fe]/", "https://[::ffff:169.254.169.254]/", "https://[2001:db8::1]/", "https://[100::1]/",
        "https://[::]/", "https://[ff02::1]/", "https://[fec0::1]/", "https://192.0.2.1/", "https://198.51.100.7/",
        "https://203.0.113.9/", "https://255.255.255.255/"})
    void ssrf_ipv6TransitionFormsAndReservedRanges_areRefused(String url) {
        assertThatThrownBy(() -> literalsOnly.check(url)).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://[64:ff9b::5db8:d822]/", "https://[2002:5db8:d822::1]/",
        "https://[2606:4700:4700::1111]/", "https://93.184.216.34/"})
    void ssrf_transitionFormsOfPublicAddresses_pass(String url) {
        assertThat(literalsOnly.check(url)).isNotNull();
    }

    @Test
    void safePath_symlinkOutOfTheBase_isRefused(@TempDir Path tmp) throws Exception {
        Path base = Files.createDirectories(tmp.resolve("base"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "s");
        try {
            Files.createSymbolicLink(base.resolve("link"), outside);
            Files.createSymbolicLink(base.resolve("file-link"), outside.resolve("secret.txt"));
            Files.createSymbolicLink(base.resolve("dangling"), tmp.resolve("nowhere"));
        } catch (UnsupportedOperationException | java.io.IOException e) {
            Assumptions.abort("symbolic links are not available here");
        }
        Files.createDirectories(base.resolve("real"));
        for (String p : new String[] {"link/secret.txt", "link/new.txt", "link", "file-link", "dangling",
            "dangling/x"}) {
            assertThatThrownBy(() -> SafePaths.resolve("file", base, p)).as(p)
                    .hasMessageContaining("symbolic link");
        }
        assertThat(SafePaths.resolve("file", base, "real/new.txt")).isEqualTo(base.resolve("real/new.txt"));
        Path linkedBase = tmp.resolve("linked-base");
        Files.createSymbolicLink(linkedBase, base);
        assertThat(SafePaths.resolve("file", linkedBase, "real/new.txt")).as("a base that is itself a link is fine")
                .isNotNull();
    }

    @Test
    void jsonLimits_trailingContentAndNonUtf8_areRefused() {
        JsonLimits limits = JsonLimits.of(1 << 16, 32, 1 << 16);
        for (String doc : new String[] {"{\"a\":1} {\"b\":2}", "{\"a\":1}x", "[1] ]", "1 2", "{}{}", ""}) {
            assertThatThrownBy(() -> limits.parse("body", doc)).as(doc).isInstanceOf(InvalidInputException.class);
        }
        byte[] utf16 = "{\"a\":1}".getBytes(StandardCharsets.UTF_16);
        byte[] utf16le = "{\"a\":1}".getBytes(StandardCharsets.UTF_16LE);
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '}'};
        byte[] overlong = {'{', '"', (byte) 0xc0, (byte) 0xa2, '"', ':', '1', '}'};
        for (byte[] doc : new byte[][] {utf16, utf16le, bom, overlong}) {
            assertThatThrownBy(() -> limits.parse("body", doc)).isInstanceOf(InvalidInputException.class);
        }
        assertThat(limits.parse("body", "{\"é\":1}".getBytes(StandardCharsets.UTF_8)).has("é")).isTrue();
    }

    /** Counts the characters a regex reads: its work, measured without racing a clock. */
    private static final class CountingText implements CharSequence {
        private final String s;
        long reads;

        CountingText(String s) {
            this.s = s;
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public char charAt(int i) {
            reads++;
            return s.charAt(i);
        }

        @Override
        public CharSequence subSequence(int a, int b) {
            return s.subSequence(a, b);
        }

        @Override
        public String toString() {
            return s;
        }
    }

    @Test
    void injectionSignal_hostileInputs_costLinearWork() throws Exception {
        java.lang.reflect.Field f = InjectionSignals.class.getDeclaredField("SQLI");
        f.setAccessible(true);
        java.util.regex.Pattern sqli = (java.util.regex.Pattern) f.get(null);
        for (String hostile : new String[] {"' or " + "a".repeat(9_990), "' or '".repeat(1_600),
            "union ".repeat(1_600), "; ".repeat(5_000), "/*".repeat(5_000)}) {
            CountingText t = new CountingText(hostile);
            sqli.matcher(t).find();
            assertThat(t.reads).as(hostile.substring(0, 12)).isLessThan(40L * hostile.length());
            assertThat(InjectionSignals.looksLikeSqlInjection(hostile)).isIn(true, false);
        }
        assertThat(InjectionSignals.looksLikeSqlInjection("a /* b */ c")).isTrue();
    }

    @Test
    void headerLimits_refusedNames_areNotEchoedRaw() {
        assertThatThrownBy(() -> HeaderLimits.check("X\r\nSet-Cookie: a=b" + "x".repeat(200), "v"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r").doesNotContain("\n")
                        .hasSizeLessThan(120));
    }
}
