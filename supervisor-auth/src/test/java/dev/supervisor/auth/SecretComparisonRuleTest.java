package dev.supervisor.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Secret material (hashes, MACs, codes) is compared in constant time: no Arrays.equals in these packages. */
class SecretComparisonRuleTest {

    @Test
    void secretPackages_compareWithMessageDigestIsEqualOnly() throws IOException {
        List<Path> roots = List.of(Path.of("src/main/java/dev/supervisor/auth/password"),
                Path.of("src/main/java/dev/supervisor/auth/mfa"), Path.of("src/main/java/dev/supervisor/auth/apikey"),
                Path.of("src/main/java/dev/supervisor/auth/jwt"), Path.of("src/main/java/dev/supervisor/auth/oidc"),
                Path.of("src/main/java/dev/supervisor/auth/audit"));
        StringBuilder all = new StringBuilder();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String src = Files.readString(f);
                    assertThat(src).as(f.toString()).doesNotContain("Arrays.equals(");
                    // String.equals on values that are secrets (state, nonce, verifiers, MACs, hashes, codes).
                    assertThat(src).as(f.toString()).doesNotContainPattern(
                            "(?i)\\b\\w*(state|nonce|verifier|secret|mac|signature|sig|hash|code|otp)\\.equals\\(");
                    all.append(src);
                }
            }
        }
        assertThat(all).contains("MessageDigest.isEqual(");
    }
}
