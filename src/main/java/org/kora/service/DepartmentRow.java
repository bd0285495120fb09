package org.kora.service;

import org.kora.domain.Department;

/** A department as lists show it: with the name of its hospital. */
public record DepartmentRow(Department department, String hospitalName) {
}
