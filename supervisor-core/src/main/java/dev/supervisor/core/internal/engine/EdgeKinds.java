package dev.supervisor.core.internal.engine;

import dev.supervisor.api.EdgeCondition;
import dev.supervisor.core.graph.TaskGraph;

/**
 * Edge conditions laid out along the successor arrays, so propagation reads an edge's condition with the same
 * index it uses to find the successor.
 */
final class EdgeKinds {
    static final byte SUCCESS = 0;
    static final byte FAILURE = 1;
    static final byte COMPLETION = 2;
    static final byte CUSTOM = 3;

    private EdgeKinds() {
    }

    /**
     * @param kinds the kinds present ({@link EdgeSlots#kinds})
     * @return one kind per successor slot, or null when every edge is a plain SUCCESS edge
     */
    static byte[] bySuccessorSlot(TaskGraph g, int kinds) {
        if ((kinds & ~(1 << EdgeCondition.Kind.SUCCESS.ordinal())) == 0) {
            return null;
        }
        byte[] bySucc = new byte[g.edgeCount()];
        int[] toSucc = EdgeSlots.predToSucc(g);
        EdgeSlots.forEachDependency(g, (task, d, slot) ->
                bySucc[toSucc[slot]] = (byte) d.condition().kind().ordinal());
        return bySucc;
    }
}
