package org.vigie.saml.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small thread-safe bounded map (0 disables caching), without a global lock: reads are plain
 * {@link ConcurrentHashMap} reads; a put that makes the map exceed its capacity evicts arbitrary other entries
 * (no LRU order: keeping one would need a lock on every read), so the size may pass the capacity only while
 * concurrent puts are under way. Values are computed outside any lock: two threads may
 * compute the same value once each, which is harmless for the pure functions cached here.
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

    public void put(K key, V value) {
        if (capacity == 0) {
            return;
        }
        map.put(key, value);
        while (map.size() > capacity) {
            boolean removed = false;
            for (K k : map.keySet()) {
                if (!k.equals(key) && map.remove(k) != null) {
                    removed = true;
                    break;
                }
            }
            if (!removed) {
                break;
            }
        }
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
