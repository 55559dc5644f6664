package dev.supervisor.core.plugin.internal;

import dev.supervisor.core.DelayScheduler;
import dev.supervisor.core.plugin.PluginHostConfig;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The host's own threads: a timer (unless the config brings one), the HTTP client behind plugins' guarded clients
 * (only if some plugin may be granted HTTP), and a thread for calls into the engine. All are created here, from the
 * thread that creates the host, and started at once: a thread created later from a plugin's call stack would hold
 * on to that plugin's class loader for as long as it lives.
 */
final class HostThreads {
    private final List<ExecutorService> owned = new ArrayList<>();
    final DelayScheduler timer;
    final HttpClient http;
    final ExecutorService hop;

    HostThreads(PluginHostConfig config) {
        ClassLoader hostLoader = HostThreads.class.getClassLoader();
        if (config.timer() != null) {
            timer = config.timer();
        } else {
            ScheduledThreadPoolExecutor stpe = new ScheduledThreadPoolExecutor(1, factory("timer", hostLoader));
            stpe.setRemoveOnCancelPolicy(true); // a cancelled time limit must not keep its callback reachable
            stpe.prestartAllCoreThreads();
            owned.add(stpe);
            timer = (action, delay) -> {
                ScheduledFuture<?> f = stpe.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
                return () -> f.cancel(false);
            };
        }
        if (config.httpClient() != null || !config.grantsHttp()) {
            http = config.httpClient();
        } else {
            ExecutorService pool = fixed("http", 2, hostLoader);
            http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).executor(pool).build();
        }
        hop = config.supervisor() == null ? null : fixed("calls", 1, hostLoader);
    }

    private ExecutorService fixed(String name, int threads, ClassLoader loader) {
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(threads, factory(name, loader));
        pool.prestartAllCoreThreads();
        owned.add(pool);
        return pool;
    }

    private static java.util.concurrent.ThreadFactory factory(String name, ClassLoader loader) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "plugin-host-" + name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            return t;
        };
    }

    void shutdown() {
        owned.forEach(ExecutorService::shutdownNow);
    }
}
