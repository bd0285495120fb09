package org.kora.service;

import java.util.List;

import org.kora.domain.Hospital;

/** A hospital with the hospitals it is paired with (partners of a home hospital, or the reverse). */
public record HospitalRow(Hospital hospital, List<Hospital> partners) {
    public HospitalRow {
        partners = List.copyOf(partners);
    }
}
