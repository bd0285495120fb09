package org.kora.domain;

/** A home hospital paired with a partner hospital (对口帮扶关系). */
public record Partnership(long id, long homeHospitalId, long partnerHospitalId) {
    public Partnership {
        if (homeHospitalId == partnerHospitalId) {
            throw new IllegalArgumentException("a hospital cannot partner itself");
        }
    }
}
