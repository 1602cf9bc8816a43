package org.vigie.core.cert.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** The bounded cache (lock-free reads) keeps at most its capacity, keeps the entry just put, and can be disabled. */
class BoundedCacheTest {

    @Test
    void keepsAtMostItsCapacityAndTheLastEntryPut() {
        BoundedCache<Integer, String> c = new BoundedCache<>(3);
        for (int i = 0; i < 10; i++) {
            c.put(i, "v" + i);
            assertThat(c.get(i)).isEqualTo("v" + i);
            assertThat(c.size()).isLessThanOrEqualTo(3);
        }
        assertThat(c.size()).isEqualTo(3);
    }

    @Test
    void computeIfAbsentComputesOnceAndDoesNotCacheNull() {
        BoundedCache<String, String> c = new BoundedCache<>(4);
        List<String> computed = new ArrayList<>();
        c.computeIfAbsent("a", k -> { computed.add(k); return k + "!"; });
        assertThat(c.computeIfAbsent("a", k -> { computed.add(k); return k + "?"; })).isEqualTo("a!");
        assertThat(c.computeIfAbsent("b", k -> null)).isNull();
        assertThat(computed).containsExactly("a");
        assertThat(c.size()).isEqualTo(1);
    }

    @Test
    void zeroCapacityCachesNothingAndNegativeIsRefused() {
        BoundedCache<String, String> c = new BoundedCache<>(0);
        c.put("a", "b");
        assertThat(c.get("a")).isNull();
        assertThat(c.size()).isZero();
        assertThatThrownBy(() -> new BoundedCache<String, String>(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentPutsEndWithinTheCapacity() throws Exception {
        BoundedCache<Integer, Integer> c = new BoundedCache<>(16);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int base = t * 1000;
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < 1000; i++) {
                        c.put(base + i, i);
                        c.get(base + i / 2);
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(c.size()).isBetween(1, 16);
    }

    @Test
    void noReaderEverSeesMoreThanTheCapacityWhilePutsRun() throws Exception {
        BoundedCache<Integer, Integer> c = new BoundedCache<>(16);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger max = new java.util.concurrent.atomic.AtomicInteger();
        try {
            Future<?> reader = pool.submit(() -> {
                while (!done.get()) {
                    max.accumulateAndGet(c.size(), Math::max);
                }
            });
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int base = t * 100_000;
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        c.put(base + i, i);
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            done.set(true);
            reader.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(max.get()).isBetween(1, 16);
        assertThat(c.size()).isEqualTo(16);
    }
}
