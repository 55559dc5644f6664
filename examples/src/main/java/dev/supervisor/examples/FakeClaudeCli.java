package dev.supervisor.examples;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A stand-in for the Claude Code CLI, so that the demo drives a real agent process on any machine with a JDK and
 * nothing else. It takes the arguments {@code AgentProfiles.claudeCode()} passes ({@code -p --output-format json},
 * optionally {@code --model M}) plus {@code --permission-mode}, {@code --max-turns} and {@code --allowedTools}, reads
 * the prompt on standard input and prints one result object shaped like Claude Code's print mode: {@code type},
 * {@code subtype}, {@code is_error}, {@code result}, {@code usage}, {@code total_cost_usd}, {@code modelUsage}.
 *
 * <p>It knows one edit. Given a prompt that mentions a TODO, it replaces the line {@code // TODO: currency
 * conversion} of the Java files under its working directory with a {@code convert} method; like Claude Code in print
 * mode, it edits only when allowed ({@code --permission-mode acceptEdits}). Any other prompt gets a one-line answer.
 * Tokens are counted as a quarter of the characters read and written, priced at 3 USD per million input tokens and
 * 15 USD per million output tokens. A wrong option or an empty prompt exits 1 with the reason on standard error.
 */
public final class FakeClaudeCli {
    static final String DEFAULT_MODEL = "fake-claude-sonnet";
    private static final String TODO = "// TODO: currency conversion";
    private static final BigDecimal INPUT_PRICE = new BigDecimal("0.000003");
    private static final BigDecimal OUTPUT_PRICE = new BigDecimal("0.000015");

    private FakeClaudeCli() {
    }

    /**
     * The command that runs this stand-in with the running JVM's own {@code java}, from the jar or folder this class
     * was loaded from: it needs nothing but the JDK.
     *
     * @param options options placed before the ones the Claude Code profile adds, e.g.
     *                {@code --permission-mode acceptEdits}
     * @return the executable and its leading arguments, for {@code ProcessProvider.Builder.executable}
     */
    public static String[] command(String... options) {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        Path java = Files.exists(bin.resolve("java.exe")) ? bin.resolve("java.exe") : bin.resolve("java");
        String classPath;
        try {
            classPath = Path.of(FakeClaudeCli.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + FakeClaudeCli.class.getName(), e);
        }
        List<String> c = new ArrayList<>(List.of(
                // the process provider tells a path from a name on the PATH by a '/'
                java.toString().replace('\\', '/'),
                "-cp", classPath, FakeClaudeCli.class.getName()));
        c.addAll(List.of(options));
        return c.toArray(new String[0]);
    }

    /**
     * Runs one request.
     *
     * @param args the command line
     * @throws IOException if the working directory cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        boolean print = false;
        boolean json = false;
        boolean acceptEdits = false;
        String model = DEFAULT_MODEL;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--version", "-v" -> {
                    System.out.println("0.1.0 (FakeClaudeCli, a stand-in for Claude Code)");
                    return;
                }
                case "-p", "--print" -> print = true;
                case "--output-format" -> json = "json".equals(value(args, ++i));
                case "--model" -> model = value(args, ++i);
                case "--permission-mode" -> acceptEdits = "acceptEdits".equals(value(args, ++i));
                case "--max-turns", "--allowedTools" -> value(args, ++i);
                default -> fail("unknown option '" + args[i] + "'");
            }
        }
        if (!print || !json) {
            fail("this stand-in only answers in print mode with JSON output (-p --output-format json)");
        }
        long start = System.nanoTime();
        String prompt = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
        if (prompt.isEmpty()) {
            fail("no prompt on standard input");
        }
        long read = prompt.length();
        long written = 0;
        String result;
        String denied = "";
        if (prompt.contains("TODO")) {
            Path file = findTodo(Path.of("").toAbsolutePath());
            if (file == null) {
                result = "Found no TODO to implement.";
            } else if (!acceptEdits) {
                result = "I need permission to edit " + file + "; nothing was changed.";
                denied = "{\"tool_name\":\"Edit\",\"file_path\":" + quote(file.toString()) + "}";
            } else {
                String before = Files.readString(file, StandardCharsets.UTF_8);
                read += before.length();
                String after = implement(before);
                Files.writeString(file, after, StandardCharsets.UTF_8);
                result = "Replaced the TODO in " + file.toString().replace('\\', '/') + " with Money.convert(cents,"
                        + " rateMillis), rounding half up (pid " + ProcessHandle.current().pid() + ").";
                written = after.length() - before.length();
            }
        } else {
            result = "Reviewed: " + prompt.lines().findFirst().orElse("") + " (pid " + ProcessHandle.current().pid()
                    + ")";
        }
        long in = (read + 3) / 4;
        long out = (result.length() + written + 3) / 4;
        BigDecimal cost = INPUT_PRICE.multiply(BigDecimal.valueOf(in)).add(OUTPUT_PRICE.multiply(
                BigDecimal.valueOf(out))).stripTrailingZeros();
        System.out.println("{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false"
                + ",\"duration_ms\":" + (System.nanoTime() - start) / 1_000_000 + ",\"num_turns\":1"
                + ",\"result\":" + quote(result)
                + ",\"session_id\":\"fake-" + ProcessHandle.current().pid() + "\""
                + ",\"total_cost_usd\":" + cost.toPlainString()
                + ",\"usage\":{\"input_tokens\":" + in + ",\"cache_creation_input_tokens\":0"
                + ",\"cache_read_input_tokens\":0,\"output_tokens\":" + out + "}"
                + ",\"modelUsage\":{" + quote(model) + ":{\"inputTokens\":" + in + ",\"outputTokens\":" + out
                + ",\"costUSD\":" + cost.toPlainString() + "}}"
                + ",\"permission_denials\":[" + denied + "]}");
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            fail("option '" + args[i - 1] + "' needs a value");
        }
        return args[i];
    }

    private static void fail(String message) {
        System.err.println("error: " + message);
        System.exit(1);
    }

    private static Path findTodo(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (Files.readString(f, StandardCharsets.UTF_8).contains(TODO)) {
                    return root.relativize(f);
                }
            }
        }
        return null;
    }

    private static String implement(String source) {
        StringBuilder out = new StringBuilder();
        for (String line : source.split("\n", -1)) {
            if (line.strip().equals(TODO)) {
                String indent = line.substring(0, line.indexOf(TODO));
                out.append(indent).append("/** The amount at a rate in thousandths, rounded half up. */\n")
                        .append(indent).append("public static long convert(long cents, long rateMillis) {\n")
                        .append(indent).append("    return Math.floorDiv(Math.multiplyExact(cents, rateMillis) + 500,"
                                + " 1000);\n")
                        .append(indent).append("}\n");
            } else {
                out.append(line).append('\n');
            }
        }
        return out.substring(0, out.length() - 1);
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
