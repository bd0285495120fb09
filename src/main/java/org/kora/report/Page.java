package org.kora.report;

import java.util.List;

/** One page of a print: its items in drawing order. */
public record Page(List<PageItem> items) {
    public Page {
        items = List.copyOf(items);
    }
}
