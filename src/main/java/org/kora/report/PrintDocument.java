package org.kora.report;

import java.util.List;

/**
 * A laid-out print: pages of one paper, each a list of items, ready for either painter (the PDF
 * painter or the window's page painter), which draw it the same.
 */
public record PrintDocument(String title, Paper paper, List<Page> pages) {
    public PrintDocument {
        pages = List.copyOf(pages);
    }
}
