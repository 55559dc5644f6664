package dev.supervisor.auth.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * Security state that must not be forgotten early: an entry leaves only when it carries no information any more
 * (its lifetime says when), never to make room. When the table holds {@code capacity} live entries a new key is
 * refused and the caller fails closed (shares an overflow bucket, refuses the request, widens a rule); a
 * size-capped cache would instead evict a live entry and fail open.
 *
 * @param <K> the key
 * @param <V> the state
 */
public final class BoundedTable<K, V> {
    /** When an entry can be forgotten, given its value and the time now (ticker nanoseconds). */
    @FunctionalInterface
    public interface Lifetime<V> {
        /**
         * @param value the state
         * @param now the ticker's time
         * @return the ticker time from which forgetting the entry changes nothing
         */
        long forgetAt(V value, long now);
    }

    private static final long MAX_NANOS = Long.MAX_VALUE >> 2;
    private final Cache<K, V> cache;
    private final long capacity;

    /**
     * @param capacity most live entries, positive
     * @param ticker monotonic nanoseconds (drives expiry)
     * @param lifetime when an entry may go
     * @param extendOnRead true if reading an entry recomputes its lifetime (mutable values such as buckets)
     */
    public BoundedTable(long capacity, LongSupplier ticker, Lifetime<V> lifetime, boolean extendOnRead) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive but was " + capacity);
        }
        Objects.requireNonNull(lifetime, "lifetime");
        this.capacity = capacity;
        this.cache = Caffeine.newBuilder().ticker(ticker::getAsLong).expireAfter(new Expiry<K, V>() {
            @Override
            public long expireAfterCreate(K key, V value, long now) {
                return clamp(lifetime.forgetAt(value, now) - now);
            }

            @Override
            public long expireAfterUpdate(K key, V value, long now, long current) {
                return expireAfterCreate(key, value, now);
            }

            @Override
            public long expireAfterRead(K key, V value, long now, long current) {
                return extendOnRead ? expireAfterCreate(key, value, now) : current;
            }
        }).build();
    }

    private static long clamp(long nanos) {
        return Math.max(0, Math.min(MAX_NANOS, nanos));
    }

    /** @param key a key @return its live value, or null */
    public V get(K key) {
        return cache.getIfPresent(key);
    }

    /**
     * @param key a key
     * @param make creates the value of a new key
     * @return the live value, a new one, or null when the key is new and the table is full
     */
    public V getOrCreate(K key, Function<? super K, ? extends V> make) {
        V v = cache.getIfPresent(key);
        if (v != null) {
            return v;
        }
        return admit() ? cache.get(key, make) : null;
    }

    /**
     * Replaces the key's value atomically.
     *
     * @param key a key
     * @param change maps the live value (or null for a new key) to the new value, never null
     * @return the new value, or null (nothing changed) when the key is new and the table is full
     */
    public V update(K key, UnaryOperator<V> change) {
        if (cache.getIfPresent(key) == null && !admit()) {
            return null;
        }
        return cache.asMap().compute(key, (k, old) -> Objects.requireNonNull(change.apply(old), "new value"));
    }

    /** @param key a key to forget now */
    public void remove(K key) {
        cache.invalidate(key);
    }

    /** @return live entries (expired ones are cleaned first) */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** @return the most live entries */
    public long capacity() {
        return capacity;
    }

    private boolean admit() {
        if (cache.estimatedSize() < capacity) {
            return true;
        }
        cache.cleanUp();
        return cache.estimatedSize() < capacity;
    }
}
