package org.kora.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

import org.kora.service.ImportColumn;
import org.kora.service.ImportKind;
import org.kora.service.InvalidInputException;

/**
 * Matches a file's header row to a format's columns: English or Chinese names, any order, case,
 * surrounding spaces and a stray byte order mark ignored, and spaces or dashes inside taken as
 * underscores ("Staff No" is {@code staff_no}).
 */
final class Headers {
    private final ImportKind kind;
    /** For each column of the kind, its index in the file, or -1. */
    private final int[] fileIndex;
    private final String[] written;
    private final List<String> unknown = new ArrayList<>();

    Headers(ImportKind kind, List<String> cells) {
        this.kind = kind;
        var columns = kind.columns();
        fileIndex = new int[columns.size()];
        Arrays.fill(fileIndex, -1);
        written = new String[columns.size()];
        var byName = new HashMap<String, Integer>();
        for (var i = 0; i < columns.size(); i++) {
            byName.put(normal(columns.get(i).english()), i);
            byName.put(normal(columns.get(i).chinese()), i);
        }
        for (var i = 0; i < cells.size(); i++) {
            var cell = cells.get(i) == null ? "" : cells.get(i).replace("\uFEFF", "").strip();
            if (cell.isEmpty()) {
                continue;
            }
            var column = byName.get(normal(cell));
            if (column == null) {
                unknown.add(cell);
            } else if (fileIndex[column] >= 0) {
                throw new InvalidInputException("import.duplicateColumn", written[column], cell);
            } else {
                fileIndex[column] = i;
                written[column] = cell;
            }
        }
    }

    private static String normal(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", "_");
    }

    String header(ImportColumn column) {
        var index = kind.columns().indexOf(column);
        return index < 0 ? null : written[index];
    }

    List<String> unknown() {
        return List.copyOf(unknown);
    }

    int columnCount() {
        return fileIndex.length;
    }

    /** Where the file holds the format's column {@code column}, or -1. */
    int fileIndex(int column) {
        return fileIndex[column];
    }
}
