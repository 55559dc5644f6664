package dev.supervisor.core.plugin;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a plugin is in its life. The legal moves:
 * <pre>
 * CREATED  -&gt; RESOLVED | DISABLED | UNLOADED     (its descriptor was read; it stays here while unresolved)
 * RESOLVED -&gt; STARTED | FAILED | DISABLED | UNLOADED
 * STARTED  -&gt; STOPPED | FAILED                  (FAILED: it timed out or failed too often: quarantined)
 * STOPPED  -&gt; STARTED | FAILED | DISABLED | UNLOADED
 * FAILED   -&gt; DISABLED | UNLOADED
 * DISABLED -&gt; CREATED | UNLOADED                (enabling resolves it again)
 * UNLOADED -&gt; (none: its class loader is closed)
 * </pre>
 * Any other move throws {@link IllegalPluginStateException}.
 */
public enum PluginState {
    /** Descriptor read and class loader created; not (yet) resolved. */
    CREATED,
    /** Every required dependency is present in a matching version and the host API is in range. */
    RESOLVED,
    /** Running. */
    STARTED,
    /** Stopped after running; may start again. */
    STOPPED,
    /** Failed to start or stop, or quarantined after timeouts or repeated failures; receives nothing. */
    FAILED,
    /** Switched off by the host; stays off across restarts when the host has a {@link PluginStateStore}. */
    DISABLED,
    /** Class loader closed; the plugin is gone. */
    UNLOADED;

    private Set<PluginState> next;

    static {
        CREATED.next = EnumSet.of(RESOLVED, DISABLED, UNLOADED);
        RESOLVED.next = EnumSet.of(STARTED, FAILED, DISABLED, UNLOADED);
        STARTED.next = EnumSet.of(STOPPED, FAILED);
        STOPPED.next = EnumSet.of(STARTED, FAILED, DISABLED, UNLOADED);
        FAILED.next = EnumSet.of(DISABLED, UNLOADED);
        DISABLED.next = EnumSet.of(CREATED, UNLOADED);
        UNLOADED.next = EnumSet.noneOf(PluginState.class);
    }

    /**
     * @param target a state
     * @return true if a plugin in this state may move to {@code target}
     */
    public boolean canMoveTo(PluginState target) {
        return next.contains(target);
    }

    /** @return the states this one may move to */
    public Set<PluginState> next() {
        return Collections.unmodifiableSet(next);
    }
}
