package org.kora.service;

import java.util.List;

import org.kora.domain.Deployment;
import org.kora.domain.Mentor;

/**
 * A mentor as lists show them: the partner hospital that sends them, the home department and
 * hospital they serve, and their deployments in date order.
 */
public record MentorRow(Mentor mentor, String partnerHospitalName, String departmentName, String homeHospitalName,
                        List<Deployment> deployments) {
    public MentorRow {
        deployments = List.copyOf(deployments);
    }
}
