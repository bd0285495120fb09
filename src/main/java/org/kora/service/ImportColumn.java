package org.kora.service;

/**
 * One column of an import format: its English and Chinese header, whether every file must have
 * it, and whether it holds dates (so that a spreadsheet's date cells can be read as dates).
 */
public record ImportColumn(String english, String chinese, boolean required, boolean date) {
    static ImportColumn required(String english, String chinese) {
        return new ImportColumn(english, chinese, true, false);
    }

    static ImportColumn optional(String english, String chinese) {
        return new ImportColumn(english, chinese, false, false);
    }

    static ImportColumn requiredDate(String english, String chinese) {
        return new ImportColumn(english, chinese, true, true);
    }

    static ImportColumn optionalDate(String english, String chinese) {
        return new ImportColumn(english, chinese, false, true);
    }
}
