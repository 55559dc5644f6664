package dev.supervisor.api.spi;

/**
 * Runs around every attempt of every task, on the thread that runs the handler: the place for tracing (a span per
 * attempt, current while the handler runs, so the handler's own calls nest under it), timing or context
 * propagation. Interceptors are chained in the order they were configured, the first outermost. An interceptor
 * must call {@link Invocation#proceed()} exactly once and return (or throw) what it returns (or throws); what it
 * returns is the attempt's output.
 */
@FunctionalInterface
public interface AttemptInterceptor {
    /**
     * @param context the attempt (run, task, attempt number)
     * @param next the rest of the chain and then the handler
     * @return the attempt's output
     * @throws Exception whatever the handler (or the interceptor) throws: the attempt fails with it
     */
    Object intercept(TaskContext context, Invocation next) throws Exception;

    /** The rest of the chain. */
    @FunctionalInterface
    interface Invocation {
        /**
         * @return the output of the handler (through the inner interceptors)
         * @throws Exception what the handler throws
         */
        Object proceed() throws Exception;
    }
}
