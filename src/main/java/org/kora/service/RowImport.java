package org.kora.service;

/**
 * The rules of one import format, applied row by row. Reading a file twice with fresh instances
 * gives the same outcomes, so a preview and the apply that follows it agree. When writing, new
 * rows go to the store as they come (in batches); the caller rolls the transaction back if any
 * row was bad.
 */
abstract class RowImport {
    private static final long FINGERPRINT_BITS = 0xFFFF_FFFF_0000_0000L;

    /** Each key seen in the file → the upper half of its values' fingerprint and its line. */
    private final KeyIndex inFile = new KeyIndex();

    /** Checks the current row, writes it if new and writing, and says what it does. */
    abstract RowOutcome row(RowCheck check);

    /** Writes what is still batched. */
    void finish() {
    }

    /**
     * Compares a good row with the rows before it in the file and with the store: a key seen
     * before with other values is a bad row; with the same values, or stored with the same
     * values, it changes nothing.
     *
     * @param storedFingerprint the stored row's fingerprint, or null when the key is not stored
     */
    final RowOutcome classify(RowCheck check, int column, long key, long fingerprint, Long storedFingerprint) {
        if (!inFile.putIfAbsent(key, (fingerprint & FINGERPRINT_BITS) | check.line())) {
            var first = inFile.get(key);
            if ((first & FINGERPRINT_BITS) != (fingerprint & FINGERPRINT_BITS)) {
                check.fail(column, "import.duplicateInFile", String.valueOf(first & ~FINGERPRINT_BITS));
                return RowOutcome.BAD;
            }
            return RowOutcome.UNCHANGED;
        }
        if (storedFingerprint != null) {
            if (storedFingerprint != fingerprint) {
                check.fail(column, "import.differsFromStored");
                return RowOutcome.BAD;
            }
            return RowOutcome.UNCHANGED;
        }
        return RowOutcome.NEW;
    }
}
