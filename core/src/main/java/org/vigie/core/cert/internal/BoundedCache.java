package org.vigie.core.cert.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small thread-safe LRU map with a fixed capacity (0 disables caching). Values are computed outside the lock:
 * two threads may compute the same value once each, which is harmless for the pure functions cached here.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class BoundedCache<K, V> {

    private final int capacity;
    private final LinkedHashMap<K, V> map;

    public BoundedCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("cache capacity must be >= 0, got " + capacity);
        }
        this.capacity = capacity;
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > BoundedCache.this.capacity;
            }
        };
    }

    /** The cached value, or null. */
    public V get(K key) {
        if (capacity == 0) {
            return null;
        }
        synchronized (map) {
            return map.get(key);
        }
    }

    public void put(K key, V value) {
        if (capacity == 0) {
            return;
        }
        synchronized (map) {
            map.put(key, value);
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
        synchronized (map) {
            return map.size();
        }
    }

    public int capacity() {
        return capacity;
    }
}
