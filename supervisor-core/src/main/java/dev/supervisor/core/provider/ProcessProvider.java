package dev.supervisor.core.provider;

import dev.supervisor.api.provider.FailureKind;
import dev.supervisor.api.provider.ProbeResult;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.ProviderResult;
import dev.supervisor.core.provider.internal.ProcessRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs an agent CLI (or any command) per request through an {@link AgentProfile}: a clean environment holding only
 * allowed variables and named secrets, the request's working directory (e.g. a git worktree per task), the prompt
 * on standard input or as an argument, a timeout and cancellation that kill the whole process tree, an output cap,
 * and the profile's reading of exit code and output. A missing binary is {@link FailureKind#UNAVAILABLE}, a
 * timeout {@link FailureKind#TIMEOUT}: never a success. Build with {@link #builder(String, AgentProfile)}.
 */
public final class ProcessProvider extends DeclaredProvider {
    private final AgentProfile profile;
    private final List<String> executable;
    private final String model;
    private final Path workingDirectory;
    private final Set<String> allowedEnv;
    private final Map<String, Supplier<String>> secrets;
    private final Duration timeout;
    private final int maxOutputBytes;
    private final List<String> probeArgs;

    private ProcessProvider(Builder b) {
        super(b);
        profile = b.profile;
        executable = b.executable != null ? b.executable : List.of(b.profile.executable());
        model = b.model;
        workingDirectory = b.workingDirectory;
        allowedEnv = Set.copyOf(b.allowedEnv);
        secrets = Map.copyOf(b.secrets);
        timeout = b.timeout;
        maxOutputBytes = b.maxOutputBytes;
        probeArgs = b.probeArgs;
    }

    /**
     * @param id the provider id
     * @param profile how to run and read the CLI
     * @return a builder: 300 s timeout, 10 MiB output cap, PATH/HOME/LANG/TMPDIR (and PATHEXT/SystemRoot, for
     *         Windows) allowed, free, limits unset
     */
    public static Builder builder(String id, AgentProfile profile) {
        return new Builder(id, profile);
    }

    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> parent = System.getenv();
        for (String name : allowedEnv) {
            String v = parent.get(name);
            if (v != null) {
                env.put(name, v);
            }
        }
        secrets.forEach((name, value) -> {
            String v = value.get();
            if (v != null) {
                env.put(name, v);
            }
        });
        return env;
    }

    @Override
    public ProviderResult execute(ProviderRequest request) {
        String m = request.model().orElse(model);
        List<String> command = new ArrayList<>(executable);
        command.addAll(profile.arguments(request, m));
        Path dir = request.workingDirectory().orElse(workingDirectory);
        Map<String, String> env = environment();
        Object r = ProcessRunner.run(command, dir, env, profile.promptOnStdin() ? request.prompt() : null,
                request.timeout().orElse(timeout), maxOutputBytes, request::isCancelled);
        if (r instanceof ProviderResult result) {
            return result;
        }
        ProviderResult parsed = profile.parse(request, (ProcessOutput) r, costModel(), m);
        if (parsed == null) {
            return ProviderResult.Failure.of(FailureKind.CRASHED, profile.name() + " profile read nothing",
                    ((ProcessOutput) r).duration());
        }
        return parsed instanceof ProviderResult.Failure f ? redact(f, env) : parsed;
    }

    /** A CLI may echo a credential in its error output: secret values never leave in a message. */
    private ProviderResult.Failure redact(ProviderResult.Failure f, Map<String, String> env) {
        String msg = f.message();
        for (String name : secrets.keySet()) {
            String v = env.get(name);
            if (v != null && !v.isEmpty() && msg.contains(v)) {
                msg = msg.replace(v, "***");
            }
        }
        return msg.equals(f.message()) ? f : new ProviderResult.Failure(f.kind(), msg, f.retryAfter(), f.resetAt(),
                f.duration(), f.usage());
    }

    /** Runs the executable with the probe arguments (e.g. {@code --version}); healthy on exit 0. */
    @Override
    public ProbeResult probe() {
        List<String> command = new ArrayList<>(executable);
        command.addAll(probeArgs);
        Object r = ProcessRunner.run(command, workingDirectory, environment(), null, Duration.ofSeconds(30), 64 * 1024,
                () -> false);
        if (r instanceof ProcessOutput o) {
            return new ProbeResult(o.exitCode() == 0, o.exitCode() == 0 ? o.stdout().strip() : "exit "
                    + o.exitCode(), o.duration());
        }
        ProviderResult.Failure f = (ProviderResult.Failure) r;
        return new ProbeResult(false, f.message(), f.duration());
    }

    @Override
    public String toString() {
        return "ProcessProvider{" + id() + ", profile=" + profile.name() + ", executable=" + executable
                + ", secrets=" + secrets.keySet() + "}";
    }

    /** Fail-fast builder of {@link ProcessProvider}. Not thread-safe. */
    public static final class Builder extends ProviderBuilder<Builder> {
            private final AgentProfile profile;
        private List<String> executable;
        private String model;
        private Path workingDirectory;
        // PATHEXT and SystemRoot: on Windows a command is found and starts only with them; elsewhere they are unset.
        private final Set<String> allowedEnv = new LinkedHashSet<>(List.of("PATH", "HOME", "LANG", "TMPDIR", "PATHEXT",
                "SystemRoot"));
        private final Map<String, Supplier<String>> secrets = new LinkedHashMap<>();
        private Duration timeout = Duration.ofSeconds(300);
        private int maxOutputBytes = 10 * 1024 * 1024;
        private List<String> probeArgs = List.of("--version");

        private Builder(String id, AgentProfile profile) {
            super(id);
            this.profile = Objects.requireNonNull(profile, "profile");
        }

        /**
         * @param command the executable and leading arguments replacing the profile's executable (e.g. an absolute
         *                path, or {@code bash script.sh})
         * @return this builder
         */
        public Builder executable(String... command) {
            if (command.length == 0) {
                throw new IllegalArgumentException("executable needs at least one element");
            }
            this.executable = List.of(command);
            return this;
        }

        /** @param model default model passed to the CLI @return this builder */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /** @param dir working directory when the request names none @return this builder */
        public Builder workingDirectory(Path dir) {
            this.workingDirectory = Objects.requireNonNull(dir, "workingDirectory");
            return this;
        }

        /** @param names more environment variables passed through from this JVM @return this builder */
        public Builder allowEnvironment(String... names) {
            for (String n : names) {
                allowedEnv.add(Objects.requireNonNull(n, "environment variable name"));
            }
            return this;
        }

        /**
         * A secret passed to the process in the variable {@code name}; its value is read on each call and never
         * logged or put in a message.
         *
         * @param name the variable name, e.g. {@code ANTHROPIC_API_KEY}
         * @param value where the value comes from (a vault, a file, an environment variable)
         * @return this builder
         */
        public Builder secret(String name, Supplier<String> value) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("secret name must not be blank");
            }
            if (secrets.putIfAbsent(name, Objects.requireNonNull(value, "secret value")) != null) {
                throw new IllegalStateException("secret " + name + " was already set");
            }
            return this;
        }

        /** @param timeout per call, positive (default 300 s) @return this builder */
        public Builder timeout(Duration timeout) {
            this.timeout = positive("timeout", timeout);
            return this;
        }

        /** @param bytes most bytes of standard output, at least 1 (default 10 MiB) @return this builder */
        public Builder maxOutputBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxOutputBytes must be at least 1 but was " + bytes);
            }
            this.maxOutputBytes = bytes;
            return this;
        }

        /** @param args arguments of the health probe (default {@code --version}) @return this builder */
        public Builder probeArguments(String... args) {
            this.probeArgs = List.of(args);
            return this;
        }

        /** @return the provider */
        public ProcessProvider build() {
            return new ProcessProvider(this);
        }
    }
}
