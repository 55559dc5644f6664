package dev.supervisor.core.plugin.internal;

import dev.supervisor.api.plugin.Capability;
import dev.supervisor.api.plugin.CapabilityDeniedException;
import dev.supervisor.api.plugin.PluginAuditRecord;
import dev.supervisor.api.plugin.PluginAuditRecord.Kind;
import dev.supervisor.api.plugin.PluginAuditSink;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The host's side of the audit trail: a sink when the host gave one, else the log. */
final class Audit {
    private static final Logger LOG = LoggerFactory.getLogger("dev.supervisor.plugin.audit");
    private final PluginAuditSink sink;
    private final Clock clock;

    Audit(PluginAuditSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    void record(String pluginId, Kind kind, String capability, String detail) {
        PluginAuditRecord r = new PluginAuditRecord(clock.instant(), pluginId, kind, capability, detail);
        if (sink == null) {
            if (kind == Kind.CAPABILITY_GRANTED) {
                LOG.info("{} plugin={} capability={} {}", r.owaspEvent(), pluginId, capability, detail);
            } else {
                LOG.warn("{} plugin={} capability={} {}", r.owaspEvent(), pluginId, capability, detail);
            }
            return;
        }
        try {
            sink.record(r);
        } catch (RuntimeException e) {
            LOG.error("the plugin audit sink failed on {}", r, e);
        }
    }

    /** Records the denial and returns the exception to throw. */
    CapabilityDeniedException denied(String pluginId, Capability needed, String detail) {
        record(pluginId, Kind.CAPABILITY_DENIED, needed.toString(), detail);
        return new CapabilityDeniedException(pluginId, needed, detail);
    }

    /**
     * What a plugin receives: each capability it asks for that a grant covers, and for a broad request
     * ({@code http:*}) the narrower grants it covers.
     */
    static Set<Capability> effective(Set<Capability> requested, Set<Capability> allowed) {
        Set<Capability> out = new LinkedHashSet<>();
        for (Capability r : requested) {
            for (Capability a : allowed) {
                if (a.covers(r)) {
                    out.add(r);
                } else if (r.covers(a)) {
                    out.add(a);
                }
            }
        }
        return java.util.Collections.unmodifiableSet(out); // in the order the plugin asked
    }

    static boolean holds(Set<Capability> granted, Capability needed) {
        for (Capability g : granted) {
            if (g.covers(needed)) {
                return true;
            }
        }
        return false;
    }
}
