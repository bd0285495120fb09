package org.kora.service;

import org.kora.domain.Localized;

/**
 * A bad cell or a warning: the line as the user sees it (header = line 1; 0 for the file as a
 * whole), the column's header as written in the file (null for the file as a whole), and the reason.
 */
public record ImportIssue(int line, String column, Localized reason) {
}
