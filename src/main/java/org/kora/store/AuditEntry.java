package org.kora.store;

import java.time.Instant;

/** One line of the audit log: who did what, when. */
public record AuditEntry(long id, Instant happenedAt, String username, String action, String detail) {
}
