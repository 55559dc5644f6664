package dev.supervisor.spring.boot.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules the dashboard's sources keep so that its strict Content-Security-Policy holds and no value from a task can
 * become markup: no inline script or style in the page, and no script that parses strings as HTML or code.
 */
class DashboardAssetsTest {
    private static final Path ROOT = Path.of("src/main/resources/META-INF/supervisor/dashboard");
    private static final List<Pattern> FORBIDDEN = Stream.of("innerHTML", "outerHTML", "insertAdjacentHTML",
            "document.write", "eval\\(", "new Function", "setAttribute\\('style'", "\\.cssText", "javascript:")
            .map(Pattern::compile).toList();

    @Test
    void page_hasNoInlineScriptOrStyle() throws IOException {
        String html = Files.readString(ROOT.resolve("index.html"));
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find()).as("inline script")
                .isFalse();
        assertThat(html).doesNotContain("<style").doesNotContain(" style=").doesNotContainPattern(" on[a-z]+=");
    }

    @Test
    void scripts_neverParseStringsAsMarkupOrCode() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("assets"))) {
            List<Path> scripts = files.filter(p -> p.toString().endsWith(".js")).toList();
            assertThat(scripts).hasSizeGreaterThan(8);
            for (Path p : scripts) {
                String js = Files.readString(p);
                for (Pattern f : FORBIDDEN) {
                    assertThat(f.matcher(js).find()).as("%s uses %s", p.getFileName(), f).isFalse();
                }
            }
        }
    }
}
