package dev.supervisor.core.engine;

import dev.supervisor.api.spi.RunStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;

/** Run stores whose own methods a test intercepts; their capabilities are the inner store's, untouched. */
final class StoreProxies {
    private StoreProxies() {
    }

    /** Decides what a call of the store returns; {@code proceed} makes the call on the inner store. */
    interface Interceptor {
        Object call(Method method, Object[] args, Proceed proceed) throws Throwable;
    }

    /** The call on the inner store, throwing what it throws. */
    interface Proceed {
        Object call() throws Throwable;
    }

    static RunStore intercepting(RunStore inner, Interceptor interceptor) {
        return (RunStore) Proxy.newProxyInstance(StoreProxies.class.getClassLoader(), new Class<?>[] {RunStore.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("capability")) {
                        Optional<?> cap = inner.capability((Class<?>) args[0]);
                        return cap;
                    }
                    return interceptor.call(m, args, () -> {
                        try {
                            return m.invoke(inner, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
                });
    }
}
