package org.kora.ui;

/** An item of a choice box: a record's id (0 for "all" or "none") and how it is shown. */
public record Choice(long id, String label) {
    @Override
    public String toString() {
        return label;
    }
}
