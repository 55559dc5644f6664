package dev.supervisor.core.plugin.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * Shared between tests and the test plugins (the hosts in tests share this package with their plugins), so a test
 * can see what a plugin did and hold it at a point. It holds only JDK objects: a reference to a plugin's own class
 * here would keep the plugin's class loader alive.
 */
public final class Probe {
    private static final Map<String, List<String>> LOGS = new ConcurrentHashMap<>();
    private static final Map<String, CountDownLatch> LATCHES = new ConcurrentHashMap<>();

    private Probe() {
    }

    /** The package plugins must share with the host to reach this class. */
    public static final String PACKAGE = "dev.supervisor.core.plugin.probe.";

    /**
     * @param log a log name
     * @param line what happened
     */
    public static void record(String log, String line) {
        LOGS.computeIfAbsent(log, k -> new CopyOnWriteArrayList<>()).add(line);
    }

    /** @param log a log name @return its lines so far */
    public static List<String> lines(String log) {
        return new ArrayList<>(LOGS.getOrDefault(log, List.of()));
    }

    /** @param name a latch name @return the latch, created with a count of one */
    public static CountDownLatch latch(String name) {
        return LATCHES.computeIfAbsent(name, k -> new CountDownLatch(1));
    }

    private static final List<java.lang.ref.WeakReference<Object>> WEAK = new CopyOnWriteArrayList<>();

    /** @param o an object to watch without keeping it alive (a plugin's class loader) */
    public static void keepWeakly(Object o) {
        WEAK.add(new java.lang.ref.WeakReference<>(o));
    }

    /** @return the weak references kept so far */
    public static List<java.lang.ref.WeakReference<Object>> weak() {
        return new ArrayList<>(WEAK);
    }

    /**
     * Waits for a latch that a plugin's thread counts down: a hand-over between threads, bounded only so that a
     * broken test fails instead of hanging.
     *
     * @param name the latch
     */
    public static void await(String name) {
        try {
            if (!latch(name).await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new AssertionError("latch " + name + " was never counted down");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Forgets every log, latch and weak reference. */
    public static void reset() {
        LOGS.clear();
        LATCHES.values().forEach(CountDownLatch::countDown); // nobody stays blocked on an old latch
        LATCHES.clear();
        WEAK.clear();
    }
}
