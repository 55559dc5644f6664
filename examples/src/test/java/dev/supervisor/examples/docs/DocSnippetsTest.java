package dev.supervisor.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.examples.build.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java snippet in README.md and docs/*.md is the tagged region of a compiled test source, word for word, so
 * the documentation cannot drift from code that compiles and passes.
 */
class DocSnippetsTest {
    private static final Path ROOT = ProjectRoot.get();

    @Test
    void everySnippet_inTheReadmeAndTheGuides_equalsItsRegion() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path doc : docs) {
            for (Snippets.Snippet s : Snippets.find(ROOT, doc)) {
                Snippets.check(ROOT, s).ifPresent(problems::add);
                checked++;
            }
        }

        assertThat(problems).as("snippets out of date").isEmpty();
        assertThat(checked).as("snippets found in " + docs).isGreaterThanOrEqualTo(10);
    }

    /* ---- the checker itself ---- */

    @Test
    void check_blockEqualToTheDedentedRegion_passes(@TempDir Path root) throws IOException {
        write(root, "src/A.java", "class A {", "    void m() {", "        // tag::x[]", "        int a = 1;",
                "", "        if (a > 0) {", "            a++;", "        }", "        // end::x[]", "    }", "}");
        Path doc = write(root, "docs/a.md", "Intro", "<!-- snippet: src/A.java#x -->", "```java", "int a = 1;", "",
                "if (a > 0) {", "    a++;", "}", "```");

        assertThat(problems(root, doc)).isEmpty();
    }

    @Test
    void check_blockThatDiffers_failsNamingDocLineAndSnippet(@TempDir Path root) throws IOException {
        write(root, "src/A.java", "// tag::x[]", "int a = 1;", "// end::x[]");
        Path doc = write(root, "docs/a.md", "# A", "", "<!-- snippet: src/A.java#x -->", "```java", "int a = 2;",
                "```");

        assertThat(problems(root, doc)).singleElement().asString()
                .startsWith("docs/a.md:3: snippet src/A.java#x: the block differs from the region")
                .contains("first difference at line 1").endsWith("int a = 1;");
    }

    @Test
    void check_missingRegionOrFile_failsNamingIt(@TempDir Path root) throws IOException {
        write(root, "src/A.java", "// tag::x[]", "int a = 1;");
        Path doc = write(root, "README.md", "<!-- snippet: src/A.java#x -->", "```java", "int a = 1;", "```",
                "<!-- snippet: src/B.java#y -->", "```java", "```");

        assertThat(problems(root, doc)).containsExactly(
                "README.md:1: snippet src/A.java#x: no region '// tag::x[]' ... '// end::x[]' in src/A.java",
                "README.md:5: snippet src/B.java#y: no such file src/B.java");
    }

    @Test
    void check_markerNotFollowedByAJavaBlock_fails(@TempDir Path root) throws IOException {
        write(root, "src/A.java", "// tag::x[]", "int a = 1;", "// end::x[]");
        Path doc = write(root, "docs/a.md", "<!-- snippet: src/A.java#x -->", "", "```java", "int a = 1;", "```");

        assertThat(problems(root, doc)).singleElement().asString()
                .isEqualTo("docs/a.md:1: snippet src/A.java#x: the next line must open a ```java block, closed by ```");
    }

    @Test
    void find_markerInsideText_isNotASnippet(@TempDir Path root) throws IOException {
        Path doc = write(root, "docs/a.md", "Put `<!-- snippet: src/A.java#x -->` before the block.", "```java",
                "```");

        assertThat(Snippets.find(root, doc)).isEmpty();
    }

    @Test
    void check_nestedRegions_areLeftOutOfTheOuterOne(@TempDir Path root) throws IOException {
        write(root, "src/A.java", "    // tag::outer[]", "    int a = 1;", "    // tag::inner[]", "    int b = 2;",
                "    // end::inner[]", "    // end::outer[]");
        Path doc = write(root, "docs/a.md", "<!-- snippet: src/A.java#outer -->", "```java", "int a = 1;",
                "int b = 2;", "```", "<!-- snippet: src/A.java#inner -->", "```java", "int b = 2;", "```");

        assertThat(problems(root, doc)).isEmpty();
    }

    private static List<String> problems(Path root, Path doc) throws IOException {
        List<String> out = new ArrayList<>();
        for (Snippets.Snippet s : Snippets.find(root, doc)) {
            Optional<String> p = Snippets.check(root, s);
            p.ifPresent(out::add);
        }
        return out;
    }

    private static Path write(Path root, String file, String... lines) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        return Files.write(p, List.of(lines));
    }
}
