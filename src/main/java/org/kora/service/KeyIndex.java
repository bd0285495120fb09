package org.kora.service;

/**
 * A map from 64-bit keys to 64-bit values in flat arrays (open addressing, linear probing).
 * An import of a million rows must remember every key it has seen to find duplicates; as a
 * {@code HashMap<String, …>} that took about 100 bytes a key, here it takes 21 to 43 (two longs a
 * slot, filled to between 3/8 and 3/4). The keys are spread over 64 parts that grow one at a
 * time, so that growing needs only a sliver more memory, never twice the whole index at once.
 */
final class KeyIndex {
    private static final int PART_BITS = 6;
    /** Key 0 marks an empty slot, so a real key 0 is stored as this one instead. */
    private static final long ZERO_KEY = 0x9E3779B97F4A7C15L;

    private final Part[] parts = new Part[1 << PART_BITS];
    private int size;

    KeyIndex() {
        for (var i = 0; i < parts.length; i++) {
            parts[i] = new Part();
        }
    }

    int size() {
        return size;
    }

    boolean contains(long key) {
        var k = stored(key);
        return part(k).contains(k);
    }

    /** The value of {@code key}; only meaningful when {@link #contains} is true. */
    long get(long key) {
        var k = stored(key);
        return part(k).get(k);
    }

    /** Stores {@code value} unless the key is there already; returns whether it was absent. */
    boolean putIfAbsent(long key, long value) {
        var k = stored(key);
        if (!part(k).putIfAbsent(k, value)) {
            return false;
        }
        size++;
        return true;
    }

    private Part part(long key) {
        return parts[(int) (key >>> (64 - PART_BITS))];
    }

    private static long stored(long key) {
        return key == 0 ? ZERO_KEY : key;
    }

    /** One open-addressing table; its slot comes from the key's low bits, its part from the high ones. */
    private static final class Part {
        private long[] keys = new long[16];
        private long[] values = new long[16];
        private int size;

        boolean contains(long key) {
            return keys[slot(keys, key)] != 0;
        }

        long get(long key) {
            return values[slot(keys, key)];
        }

        boolean putIfAbsent(long key, long value) {
            var slot = slot(keys, key);
            if (keys[slot] != 0) {
                return false;
            }
            keys[slot] = key;
            values[slot] = value;
            if (++size > keys.length / 4 * 3) {
                grow();
            }
            return true;
        }

        private void grow() {
            var oldKeys = keys;
            var oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new long[oldKeys.length * 2];
            for (var i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    var slot = slot(keys, oldKeys[i]);
                    keys[slot] = oldKeys[i];
                    values[slot] = oldValues[i];
                }
            }
        }

        /** The slot holding {@code key}, or the empty slot where it would go. */
        private static int slot(long[] keys, long key) {
            var mask = keys.length - 1;
            var slot = (int) (key ^ (key >>> 29)) & mask;
            while (keys[slot] != 0 && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }
    }
}
