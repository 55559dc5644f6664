package dev.supervisor.core.engine;

import dev.supervisor.api.spi.RunStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;

/** Run stores whose methods a test intercepts: their own, and those of capabilities a test names. */
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

    /**
     * A store whose own methods and whose listed capabilities' methods go through the interceptor: asked for a
     * listed capability the inner store has, it answers itself; other capabilities are the inner store's.
     */
    static RunStore interceptingWith(RunStore inner, Interceptor interceptor, Class<?>... capabilities) {
        Class<?>[] types = new Class<?>[capabilities.length + 1];
        types[0] = RunStore.class;
        System.arraycopy(capabilities, 0, types, 1, capabilities.length);
        java.util.Set<Class<?>> listed = java.util.Set.of(capabilities);
        return (RunStore) Proxy.newProxyInstance(StoreProxies.class.getClassLoader(), types, (proxy, m, args) -> {
            if (m.getName().equals("capability")) {
                Optional<?> cap = inner.capability((Class<?>) args[0]);
                return listed.contains(args[0]) ? cap.map(c -> proxy) : cap;
            }
            Object target = m.getDeclaringClass() == RunStore.class ? inner
                    : inner.capability(m.getDeclaringClass()).orElseThrow();
            return interceptor.call(m, args, () -> {
                try {
                    return m.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
        });
    }

    /** A store whose own methods go through the interceptor; its capabilities are the inner store's, untouched. */
    static RunStore intercepting(RunStore inner, Interceptor interceptor) {
        return interceptingWith(inner, interceptor);
    }
}
