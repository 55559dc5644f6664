package dev.supervisor.core.internal.engine;

import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.spi.TaskClaims;
import java.util.ArrayList;
import java.util.List;

/** What claims need to know of each task of a run: type, tags, and the engine's start order as one number. */
final class Claimables {
    /** Remaining work beyond this (in milliseconds, about 34 years) orders as this. */
    private static final long RANK_CAP = (1L << 40) - 1;

    private Claimables() {
    }

    static List<TaskClaims.Claimable> of(Preparation.Prepared p) {
        int n = p.graph().size();
        List<TaskClaims.Claimable> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            TaskSpec t = p.graph().task(i);
            out.add(new TaskClaims.Claimable(t.type().name(), List.copyOf(t.tags()), order(p.priorities()[i],
                    p.rank()[i]), t.teardown()));
        }
        return out;
    }

    /** Lower first: higher priority, then more remaining work on the critical path (ReadyQueue's order). */
    static long order(byte priority, long rank) {
        long r = Math.max(0, Math.min(RANK_CAP, rank));
        return ((long) (Byte.MAX_VALUE - priority) << 40) | (RANK_CAP - r);
    }
}
