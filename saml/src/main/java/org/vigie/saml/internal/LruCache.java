package org.vigie.saml.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A thread-safe LRU map with a fixed capacity (0 disables it).
 *
 * @param <K> key
 * @param <V> value
 */
public final class LruCache<K, V> {

    private final int capacity;
    private final LinkedHashMap<K, V> map;

    public LruCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("cache capacity must be >= 0");
        }
        this.capacity = capacity;
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > LruCache.this.capacity;
            }
        };
    }

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

    public int size() {
        synchronized (map) {
            return map.size();
        }
    }
}
