package dev.supervisor.core.cron;

import dev.supervisor.api.RunHandle;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What a {@link ScheduleTarget} started for one fire: the scheduler watches {@link #completion()} to apply the
 * {@link OverlapPolicy} and calls {@link #cancel()} under {@link OverlapPolicy#CANCEL_RUNNING}.
 */
public interface FireExecution {
    /** @return completes (normally or not) when the work for this fire has ended */
    CompletionStage<?> completion();

    /** Asks the work to stop. Idempotent; the default does nothing. */
    default void cancel() {
    }

    /** @return an execution that has already ended (for synchronous targets) */
    static FireExecution done() {
        return Done.INSTANCE;
    }

    /** Holder of the shared finished execution. */
    final class Done {
        private static final CompletableFuture<Void> FINISHED = CompletableFuture.completedFuture(null);
        private static final FireExecution INSTANCE = () -> FINISHED.copy();

        private Done() {
        }
    }

    /**
     * @param run a submitted workflow run
     * @return an execution that ends with the run and cancels it on request
     */
    static FireExecution of(RunHandle run) {
        Objects.requireNonNull(run, "run");
        return new FireExecution() {
            @Override
            public CompletionStage<?> completion() {
                return run.outcome();
            }

            @Override
            public void cancel() {
                run.cancel();
            }
        };
    }
}
