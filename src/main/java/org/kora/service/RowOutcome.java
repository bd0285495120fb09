package org.kora.service;

/** What one import row does to the store. */
enum RowOutcome {
    NEW, CHANGED, UNCHANGED, BAD
}
