package dev.supervisor.core.graph.internal;

import dev.supervisor.core.graph.TaskGraph;

/**
 * The arrays a {@link TaskGraph} shares with the engine's hot loops, where its public accessors hand out copies.
 * {@code TaskGraph} installs the access in its class initialiser, so it is in place before any graph exists.
 */
public final class GraphArrays {
    /** What {@code TaskGraph} lends this package. */
    public interface Access {
        /**
         * @param g a graph
         * @return its successor array, shared
         */
        int[] successors(TaskGraph g);

        /**
         * @param g a graph
         * @return its predecessor array, shared
         */
        int[] predecessors(TaskGraph g);
    }

    private static Access access;

    private GraphArrays() {
    }

    /**
     * @param a the access; installed once, by {@code TaskGraph}
     * @throws IllegalStateException if already installed
     */
    public static synchronized void install(Access a) {
        if (access != null) {
            throw new IllegalStateException("graph array access is installed already");
        }
        access = a;
    }

    /**
     * @param g a graph
     * @return its successor array ({@code successorStart(i) .. successorEnd(i)} per task), shared: never modify it
     */
    public static int[] successors(TaskGraph g) {
        return access.successors(g);
    }

    /**
     * @param g a graph
     * @return its predecessor array ({@code predecessorStart(i) .. predecessorEnd(i)} per task), shared: never
     *         modify it
     */
    public static int[] predecessors(TaskGraph g) {
        return access.predecessors(g);
    }
}
