package dev.supervisor.core.testing;

import java.lang.ref.WeakReference;
import java.util.function.BooleanSupplier;

/**
 * Asks the garbage collector for a collection until a condition holds, a bounded number of times. A full
 * collection ({@code System.gc()} on the default collectors) clears weak references to unreachable objects, so in
 * practice the first round suffices; the bound keeps a leak from hanging the test.
 */
public final class Gc {
    private static final int ROUNDS = 20;

    private Gc() {
    }

    /**
     * @param ref a weak reference
     * @return true if it was cleared
     */
    public static boolean cleared(WeakReference<?> ref) {
        return until(() -> ref.get() == null);
    }

    /**
     * @param condition what to wait for
     * @return true if it held within the bound
     */
    public static boolean until(BooleanSupplier condition) {
        for (int i = 0; i < ROUNDS; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            System.gc();
            byte[][] pressure = new byte[64][];
            for (int k = 0; k < pressure.length; k++) {
                pressure[k] = new byte[64 * 1024];
            }
        }
        return condition.getAsBoolean();
    }
}
