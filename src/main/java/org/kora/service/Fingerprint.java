package org.kora.service;

import java.time.LocalDate;

/**
 * A 64-bit hash of a sequence of values (FNV-1a, finished with MurmurHash3's mixer). An import
 * keeps such hashes instead of rows: two keys or two sets of values that differ collide with a
 * chance of about 2^-64, far below any other risk in the process.
 */
final class Fingerprint {
    private long hash = 0xCBF29CE484222325L;

    /** Adds a text; blank counts as absent, as an empty cell and a stored null mean the same. */
    Fingerprint add(String value) {
        if (value == null || value.isBlank()) {
            mix(0x1E);
        } else {
            for (var i = 0; i < value.length(); i++) {
                mix(value.charAt(i));
            }
        }
        mix(0x1F);
        return this;
    }

    Fingerprint add(long value) {
        for (var shift = 0; shift < 64; shift += 16) {
            mix((int) (value >>> shift) & 0xFFFF);
        }
        mix(0x1F);
        return this;
    }

    Fingerprint add(Integer value) {
        return value == null ? add((String) null) : add(value.longValue());
    }

    Fingerprint add(LocalDate value) {
        return value == null ? add((String) null) : add(value.toEpochDay());
    }

    Fingerprint add(Enum<?> value) {
        return add(value == null ? null : value.name());
    }

    long value() {
        var h = hash;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    private void mix(int c) {
        hash ^= c;
        hash *= 0x100000001B3L;
    }
}
