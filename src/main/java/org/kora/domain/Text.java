package org.kora.domain;

/** Checks on the text fields of records: names in any script, never blank. */
final class Text {
    private Text() {
    }

    static void requireName(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
