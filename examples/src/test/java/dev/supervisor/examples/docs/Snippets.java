package dev.supervisor.examples.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the Java snippets of a Markdown file against the test sources they come from. A snippet is a line holding
 * only {@code <!-- snippet: <path-from-repo-root>#<name> -->}, followed by a {@code ```java} block; the block must
 * equal the lines between {@code // tag::<name>[]} and {@code // end::<name>[]} in that file, with the region's
 * common indentation removed (and the marker lines of regions nested inside it left out).
 */
final class Snippets {
    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*snippet:\\s*(\\S+?)#(\\S+?)\\s*-->\\s*$");
    private static final Pattern ANY_TAG = Pattern.compile("^\\s*//\\s*(tag|end)::[^\\[]+\\[]\\s*$");

    private Snippets() {
    }

    /** One snippet marker found in a document. */
    record Snippet(String doc, int line, String file, String name, List<String> block) {
        String where() {
            return doc + ":" + line + ": snippet " + file + "#" + name;
        }
    }

    /**
     * @param root the repository root
     * @param doc a Markdown file under it
     * @return every snippet marker in the document
     * @throws IOException if the document cannot be read
     */
    static List<Snippet> find(Path root, Path doc) throws IOException {
        List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        String docName = root.relativize(doc).toString().replace('\\', '/');
        List<Snippet> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i));
            if (!m.find()) {
                continue;
            }
            List<String> block = null;
            if (i + 1 < lines.size() && lines.get(i + 1).strip().equals("```java")) {
                block = new ArrayList<>();
                int j = i + 2;
                while (j < lines.size() && !lines.get(j).strip().equals("```")) {
                    block.add(stripEnd(lines.get(j)));
                    j++;
                }
                if (j == lines.size()) {
                    block = null; // unclosed block
                }
            }
            out.add(new Snippet(docName, i + 1, m.group(1), m.group(2), block));
        }
        return out;
    }

    /**
     * @param root the repository root
     * @param s a snippet
     * @return what is wrong with it, naming document, line and snippet; empty if the block matches its region
     * @throws IOException if the source file exists but cannot be read
     */
    static Optional<String> check(Path root, Snippet s) throws IOException {
        if (s.block() == null) {
            return Optional.of(s.where() + ": the next line must open a ```java block, closed by ```");
        }
        Path source = root.resolve(s.file()).normalize();
        if (!source.startsWith(root) || !Files.isRegularFile(source)) {
            return Optional.of(s.where() + ": no such file " + s.file());
        }
        Optional<List<String>> region = region(Files.readAllLines(source, StandardCharsets.UTF_8), s.name());
        if (region.isEmpty()) {
            return Optional.of(s.where() + ": no region '// tag::" + s.name() + "[]' ... '// end::" + s.name()
                    + "[]' in " + s.file());
        }
        List<String> expected = region.get();
        if (expected.equals(s.block())) {
            return Optional.empty();
        }
        return Optional.of(s.where() + ": the block differs from the region; first difference at line "
                + (firstDifference(expected, s.block()) + 1) + " of the block. The block should read:\n"
                + String.join("\n", expected));
    }

    /** The lines of a tagged region, dedented, without nested markers; empty if the region is not there. */
    static Optional<List<String>> region(List<String> source, String name) {
        String open = "// tag::" + name + "[]";
        String close = "// end::" + name + "[]";
        int start = -1;
        for (int i = 0; i < source.size(); i++) {
            String t = source.get(i).strip();
            if (start < 0 && t.equals(open)) {
                start = i + 1;
            } else if (start >= 0 && t.equals(close)) {
                return Optional.of(dedent(source.subList(start, i)));
            }
        }
        return Optional.empty();
    }

    private static List<String> dedent(List<String> lines) {
        List<String> kept = lines.stream().filter(l -> !ANY_TAG.matcher(l).matches()).map(Snippets::stripEnd)
                .toList();
        int indent = kept.stream().filter(l -> !l.isBlank()).mapToInt(Snippets::indentOf).min().orElse(0);
        return kept.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    private static String stripEnd(String line) {
        return line.stripTrailing();
    }

    private static int firstDifference(List<String> a, List<String> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            if (!a.get(i).equals(b.get(i))) {
                return i;
            }
        }
        return n;
    }
}
