package org.kora.domain;

/** The two halves of a rotation. */
public enum BlockKind {
    /** At a partner department, far from home. */
    OFF_SITE,
    /** Back at the home department, with a mentor. */
    ON_SITE
}
