package org.vigie.core.cert.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small thread-safe bounded map (0 disables caching): reads are plain {@link ConcurrentHashMap} reads, without
 * a lock; puts (cache misses) are serialised, and a put into a full map first evicts an arbitrary other entry (no
 * LRU order: keeping one would need a lock on every read), so the size never exceeds the capacity, even while
 * threads put concurrently. Values are computed outside any lock: two threads may compute the same value once
 * each, which is harmless for the pure functions cached here.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class BoundedCache<K, V> {

    private final int capacity;
    private final ConcurrentHashMap<K, V> map;

    public BoundedCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("cache capacity must be >= 0, got " + capacity);
        }
        this.capacity = capacity;
        this.map = new ConcurrentHashMap<>(Math.min(capacity, 1024));
    }

    /** The cached value, or null. */
    public V get(K key) {
        if (capacity == 0) {
            return null;
        }
        return map.get(key);
    }

    public synchronized void put(K key, V value) {
        if (capacity == 0) {
            return;
        }
        if (!map.containsKey(key)) {
            // every write holds this lock: the size read here is exact, and it never passes the capacity
            while (map.size() >= capacity) {
                K victim = map.keySet().iterator().next();
                map.remove(victim);
            }
        }
        map.put(key, value);
    }

    /** The cached value, computing and caching it when absent (a null result is not cached). */
    public V computeIfAbsent(K key, Function<K, V> compute) {
        V v = get(key);
        if (v == null) {
            v = compute.apply(key);
            if (v != null) {
                put(key, v);
            }
        }
        return v;
    }

    public int size() {
        return map.size();
    }

    public int capacity() {
        return capacity;
    }
}
