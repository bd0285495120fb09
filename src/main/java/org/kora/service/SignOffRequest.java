package org.kora.service;

import java.time.LocalDate;

import org.kora.domain.SignOffLevel;

/**
 * What a mentor fills in to sign off a performance, or the corrected values of an amendment. The
 * service checks every field; the case reference and comment may be blank.
 */
public record SignOffRequest(long traineeId, long competencyId, LocalDate performedOn, SignOffLevel level, int count,
                             String caseReference, String comment) {
}
