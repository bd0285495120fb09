package org.kora.service;

import java.time.Instant;

import org.kora.domain.User;

/**
 * An account as administrators see it: its consecutive failed sign-ins, the moment before which it
 * may not try again (null: none), and whether it is locked until an administrator unlocks it.
 */
public record AccountState(User user, int failures, Instant blockedUntil, boolean locked) {
}
