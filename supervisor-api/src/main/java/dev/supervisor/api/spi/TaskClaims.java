package dev.supervisor.api.spi;

import dev.supervisor.api.RunStatus;
import dev.supervisor.api.event.SupervisorEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link RunStore} capability that lets several nodes run the same runs together (cluster mode): ready tasks are
 * <em>claimed</em> from the store under a lease, and every run has one owning node that decides what becomes ready
 * (trigger rules, conditions, fan-out), also under a lease. A node that dies loses both leases: its tasks go back
 * to the queue ({@link #reclaimExpired}) and its runs to another node ({@link #adoptRuns}). Leases are granted and
 * expire on the store's clock ({@link #now}), so nodes whose clocks disagree still agree on when a lease ends.
 *
 * <p>Task changes keep the {@link RunStore} rules: compare-and-set on the version, so a worker whose lease was
 * reclaimed cannot record a result ({@link StaleVersionException}).
 */
public interface TaskClaims {
    /** @return the store's clock, on which leases are granted and expire */
    Instant now();

    /**
     * Creates a run as {@link RunStore#createRun} does, with what claims need to know of each task. The run has no
     * owner until {@link #ownRun}.
     *
     * @param run the run, at version 0
     * @param workflow the workflow the run executes
     * @param tasks its tasks, PENDING at version 0, in index order
     * @param claimables per task (same order): its type, tags and claim order
     */
    void createRun(RunRecord run, dev.supervisor.api.WorkflowSpec workflow, List<TaskRecord> tasks,
                   List<Claimable> claimables);

    /**
     * Claims tasks: READY tasks, and RETRY_WAIT tasks whose back-off has ended, of runs that are running and have
     * no stop request (of a run asked to stop, only its {@link Claimable#teardown() teardown} tasks), lowest
     * {@link Claimable#order()} first, never handing out a task twice. Each becomes RUNNING
     * with a new attempt and a lease; the events {@code started} makes for it are stored in the same transaction.
     *
     * @param request who claims, how many, and which task types and tags it cannot take now
     * @param started the events of each claim (called inside the store's transaction, so it must not use the
     *        store: a connection pool could run dry)
     * @return the claimed tasks
     */
    List<TaskRecord> claim(ClaimRequest request, Function<ClaimedTask, List<SupervisorEvent>> started);

    /**
     * Extends a lease if {@code current} is still the stored version and still owned by its owner.
     *
     * @param current the record the worker holds
     * @param lease new lease length from {@link #now()}
     * @return the updated record, or empty if the lease was lost
     */
    Optional<TaskRecord> heartbeat(TaskRecord current, Duration lease);

    /**
     * Returns RUNNING tasks whose lease expired to READY (their attempt count is kept).
     *
     * @param max most tasks to return to the queue in one call
     * @return the tasks put back
     */
    List<TaskRecord> reclaimExpired(int max);

    /**
     * Makes {@code node} the owner of a run for {@code lease} (a run is created without an owner).
     *
     * @param runId the run
     * @param node the owning node
     * @param lease how long the ownership lasts without {@link #renewRuns}
     * @return true if the node owns the run now
     */
    boolean ownRun(String runId, String node, Duration lease);

    /**
     * Takes over running runs whose owner's lease expired (or that never got an owner within a lease).
     *
     * @param node the adopting node
     * @param lease how long the ownership lasts
     * @param max most runs to adopt
     * @return the adopted run ids
     */
    List<String> adoptRuns(String node, Duration lease, int max);

    /**
     * Extends the leases of the runs a node owns.
     *
     * @param node the node
     * @param lease how long from {@link #now()}
     * @return every run the node still owns, with the stop requested for it (or null when none)
     */
    Map<String, RunStatus> renewRuns(String node, Duration lease);

    /**
     * Gives up the ownership of a run (it ended, or the node shuts down).
     *
     * @param runId the run
     * @param node the node that owned it
     */
    void releaseRun(String runId, String node);

    /**
     * Asks a run to stop: no task of it is claimed any more but its teardown tasks (a claim in progress either ends
     * before this returns or sees the request), and its owner and the workers running its tasks are told. The first
     * request stands.
     *
     * @param runId the run
     * @param how CANCELLED, TIMED_OUT or FAILED
     * @return the request in force after this call
     */
    RunStatus requestStop(String runId, RunStatus how);

    /**
     * @param runIds runs a worker runs tasks of
     * @return those among them that were asked to stop, or ended
     */
    Set<String> stopping(Collection<String> runIds);

    /**
     * What a node asks for when it claims.
     *
     * @param node the claiming node (the lease owner)
     * @param max most tasks to claim, positive
     * @param lease lease length
     * @param types the task type names the node can run now (it has their handler and their cap has room)
     * @param excludedTags tags the node cannot run now (their cap is full)
     */
    record ClaimRequest(String node, int max, Duration lease, Set<String> types, Set<String> excludedTags) {
        /**
         * @throws IllegalArgumentException if {@code max} is not positive
         */
        public ClaimRequest {
            java.util.Objects.requireNonNull(node, "node");
            java.util.Objects.requireNonNull(lease, "lease");
            if (max < 1) {
                throw new IllegalArgumentException("max must be positive but was " + max);
            }
            types = Set.copyOf(types);
            excludedTags = Set.copyOf(excludedTags);
        }
    }

    /**
     * A task just claimed, with what its events need to name.
     *
     * @param task the task, RUNNING under the new lease
     * @param workflowId its run's workflow
     * @param type its task type name
     */
    record ClaimedTask(TaskRecord task, String workflowId, String type) {
    }

    /**
     * What claims need to know of one task.
     *
     * @param type its task type name
     * @param tags its tags
     * @param order its place in the claim order, lowest first (the engine's order: priority, then remaining work on
     *        the critical path, then position)
     * @param teardown a clean-up task, still claimed after its run was asked to stop
     */
    record Claimable(String type, List<String> tags, long order, boolean teardown) {
        /**
         * @throws NullPointerException if the type or tags are null
         */
        public Claimable {
            java.util.Objects.requireNonNull(type, "type");
            tags = List.copyOf(tags);
        }
    }
}
