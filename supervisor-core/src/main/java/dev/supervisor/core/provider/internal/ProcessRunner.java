package dev.supervisor.core.provider.internal;

import dev.supervisor.api.provider.FailureKind;
import dev.supervisor.api.provider.ProviderResult;
import dev.supervisor.core.provider.ProcessOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs one command: prompt on standard input or not, a clean environment of the allowed variables, capped output,
 * a timeout and cancellation that kill the whole process tree, and the tree killed after a normal exit too.
 */
public final class ProcessRunner {
    private static final int STDERR_CAP = 64 * 1024;

    private ProcessRunner() {
    }

    /** A captured stream, stopping at a cap. */
    private static final class Capture extends Thread {
        private final InputStream in;
        private final int cap;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private final Runnable onOverflow;
        volatile boolean overflow;

        Capture(String name, InputStream in, int cap, Runnable onOverflow) {
            super(name);
            setDaemon(true);
            this.in = in;
            this.cap = cap;
            this.onOverflow = onOverflow;
        }

        @Override
        public void run() {
            byte[] b = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(b)) > 0) {
                    int keep = Math.min(n, cap - buf.size());
                    if (keep > 0) {
                        buf.write(b, 0, keep);
                    }
                    if (keep < n && !overflow) {
                        overflow = true;
                        if (onOverflow != null) {
                            onOverflow.run();
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process was killed: what was read is kept
            }
        }

        String text() {
            return buf.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * @return the process output, or a failure (cannot start, timeout, cancelled, output over the cap)
     */
    public static Object run(List<String> command, Path dir, Map<String, String> env, String stdin, Duration timeout,
                             int maxOutput, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        if (!runnable(command.get(0), env.get("PATH"), env.get("PATHEXT"))) {
            return ProviderResult.Failure.of(FailureKind.UNAVAILABLE, "cannot start '" + command.get(0)
                    + "': not found or not executable", elapsed(start));
        }
        ProcessBuilder pb = new ProcessBuilder(ProcessTree.wrap(command));
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return ProviderResult.Failure.of(FailureKind.UNAVAILABLE, "cannot start '" + command.get(0) + "': "
                    + e.getMessage(), elapsed(start));
        }
        Capture out = new Capture("provider-stdout-" + p.pid(), p.getInputStream(), maxOutput,
                () -> ProcessTree.kill(p));
        Capture err = new Capture("provider-stderr-" + p.pid(), p.getErrorStream(), STDERR_CAP, null);
        out.start();
        err.start();
        Thread writer = new Thread(() -> {
            try (OutputStream os = p.getOutputStream()) {
                if (stdin != null) {
                    os.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException ignored) {
                // the process closed its input or died: its exit tells what happened
            }
        }, "provider-stdin-" + p.pid());
        writer.setDaemon(true);
        writer.start();
        long deadline = start + timeout.toNanos();
        FailureKind stopped = null;
        try {
            while (!p.waitFor(Math.min(50_000_000L, Math.max(1, deadline - System.nanoTime())),
                    TimeUnit.NANOSECONDS)) {
                if (cancelled.getAsBoolean()) {
                    stopped = FailureKind.CANCELLED;
                    break;
                }
                if (System.nanoTime() >= deadline) {
                    stopped = FailureKind.TIMEOUT;
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = FailureKind.CANCELLED;
        }
        // Whatever happened, nothing the command started may outlive the call.
        if (stopped != null) {
            ProcessTree.kill(p);
        } else {
            ProcessTree.killOthers(p);
        }
        join(out);
        join(err);
        if (stopped != null) {
            return ProviderResult.Failure.of(stopped, (stopped == FailureKind.TIMEOUT ? "timed out after " + timeout
                    : "cancelled") + "; process tree killed", elapsed(start));
        }
        if (out.overflow) {
            return ProviderResult.Failure.of(FailureKind.CRASHED, "output exceeded " + maxOutput
                    + " bytes; process tree killed", elapsed(start));
        }
        return new ProcessOutput(p.exitValue(), out.text(), err.text(), elapsed(start));
    }

    /** Checked up front: behind setsid a missing binary would only show as exit 127. */
    static boolean runnable(String exe, String path, String pathExt) {
        if (exe.indexOf('/') >= 0 || exe.indexOf(java.io.File.separatorChar) >= 0) {
            return java.nio.file.Files.isExecutable(Path.of(exe)); // a path, not a name to look up
        }
        // On Windows a bare name also matches name.cmd, name.exe, … (PATHEXT), as the shell would find it.
        List<String> suffixes = new ArrayList<>(List.of(""));
        if (pathExt != null) {
            for (String ext : pathExt.split(java.io.File.pathSeparator)) {
                if (!ext.isEmpty()) {
                    suffixes.add(ext.toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        for (String dir : (path == null ? "" : path).split(java.io.File.pathSeparator)) {
            for (String suffix : dir.isEmpty() ? List.<String>of() : suffixes) {
                if (java.nio.file.Files.isExecutable(Path.of(dir, exe + suffix))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void join(Thread t) {
        try {
            t.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
