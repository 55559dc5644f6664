package dev.supervisor.core.internal.engine;

import dev.supervisor.api.spi.AttemptInterceptor;
import dev.supervisor.api.spi.TaskContext;
import dev.supervisor.api.spi.TaskHandler;
import java.util.List;

/** Runs a handler through the configured interceptors, the first outermost (no chain at all when there are none). */
final class Interceptors {
    private Interceptors() {
    }

    static Object run(List<AttemptInterceptor> interceptors, TaskContext context, TaskHandler handler)
            throws Exception {
        return interceptors.isEmpty() ? handler.execute(context) : invoke(interceptors, 0, context, handler);
    }

    private static Object invoke(List<AttemptInterceptor> interceptors, int i, TaskContext context,
                                 TaskHandler handler) throws Exception {
        if (i == interceptors.size()) {
            return handler.execute(context);
        }
        return interceptors.get(i).intercept(context, () -> invoke(interceptors, i + 1, context, handler));
    }
}
