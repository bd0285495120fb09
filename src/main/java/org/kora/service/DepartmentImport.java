package org.kora.service;

import java.util.HashMap;
import java.util.Map;

import org.kora.domain.Department;
import org.kora.domain.Hospital;
import org.kora.domain.HospitalKind;
import org.kora.store.DepartmentDao;
import org.kora.store.HospitalDao;
import org.kora.store.Tx;

/**
 * The departments format: each row one department; a hospital name not yet stored creates the
 * hospital, of the row's kind. Departments are keyed by hospital name, not id, because the
 * hospital of a new one has no id until it is written.
 */
final class DepartmentImport extends RowImport {
    private static final int HOSPITAL = 0;
    private static final int NAME = 1;
    private static final int KIND = 2;
    private static final int HEADCOUNT = 3;
    private static final int MIN_ON_DUTY = 4;
    private static final int CAPACITY = 5;

    private final Map<String, Hospital> hospitals = new HashMap<>();
    /** Hospitals first named by this file: name → kind and first line. */
    private final Map<String, NewHospital> newHospitals = new HashMap<>();
    private final KeyIndex stored = new KeyIndex();
    private final HospitalDao hospitalWriter;
    private final DepartmentDao departmentWriter;

    /** A hospital the file creates; its id is known once written (apply) and made up otherwise (preview). */
    private record NewHospital(HospitalKind kind, long id) {
    }

    DepartmentImport(Tx tx, boolean write) {
        var hospitalDao = tx.dao(HospitalDao.class);
        var departmentDao = tx.dao(DepartmentDao.class);
        var names = new HashMap<Long, String>();
        for (var hospital : hospitalDao.list()) {
            hospitals.put(hospital.name(), hospital);
            names.put(hospital.id(), hospital.name());
        }
        for (var department : departmentDao.list()) {
            stored.putIfAbsent(key(names.get(department.hospitalId()), department.name()), fingerprint(department));
        }
        hospitalWriter = write ? hospitalDao : null;
        departmentWriter = write ? departmentDao : null;
    }

    @Override
    RowOutcome row(RowCheck check) {
        var hospitalName = check.text(HOSPITAL, 200);
        var name = check.text(NAME, 200);
        var kind = check.kind(KIND);
        Integer headcount = null;
        Integer minOnDuty = null;
        Integer capacity = null;
        if (kind == HospitalKind.HOME) {
            headcount = requiredInteger(check, HEADCOUNT, 1);
            minOnDuty = requiredInteger(check, MIN_ON_DUTY, 0);
            if (headcount != null && minOnDuty != null && minOnDuty >= headcount) {
                check.fail(MIN_ON_DUTY, "import.minOnDuty", headcount - 1);
            }
            if (check.present(CAPACITY)) {
                check.fail(CAPACITY, "import.notForHome");
            }
        } else if (kind == HospitalKind.PARTNER) {
            capacity = requiredInteger(check, CAPACITY, 1);
            for (var column : new int[] {HEADCOUNT, MIN_ON_DUTY}) {
                if (check.present(column)) {
                    check.fail(column, "import.notForPartner");
                }
            }
        }
        if (hospitalName != null && kind != null && kindOf(hospitalName, kind) != kind) {
            check.fail(KIND, "import.hospitalKind", hospitalName);
        }
        if (check.bad()) {
            return RowOutcome.BAD;
        }
        var department = new Department(0, 0, name, kind, headcount, minOnDuty, capacity);
        var key = key(hospitalName, name);
        var outcome = classify(check, NAME, key, fingerprint(department), stored.contains(key) ? stored.get(key) : null);
        if (outcome == RowOutcome.NEW && departmentWriter != null) {
            departmentWriter.insert(new Department(0, hospitalId(hospitalName, kind), name, kind, headcount, minOnDuty,
                    capacity));
        }
        return outcome;
    }

    private static Integer requiredInteger(RowCheck check, int column, int min) {
        if (!check.present(column)) {
            check.requireValue(column);
            return null;
        }
        return check.integer(column, min);
    }

    /** The kind of the named hospital; a hospital new to the store takes the kind of its first row. */
    private HospitalKind kindOf(String hospitalName, HospitalKind rowKind) {
        var hospital = hospitals.get(hospitalName);
        if (hospital != null) {
            return hospital.kind();
        }
        return newHospitals.computeIfAbsent(hospitalName, name -> new NewHospital(rowKind, 0)).kind();
    }

    private long hospitalId(String hospitalName, HospitalKind kind) {
        var hospital = hospitals.get(hospitalName);
        if (hospital != null) {
            return hospital.id();
        }
        var created = newHospitals.get(hospitalName);
        if (created.id() == 0) {
            created = new NewHospital(kind, hospitalWriter.insert(hospitalName, kind));
            newHospitals.put(hospitalName, created);
        }
        return created.id();
    }

    private static long key(String hospitalName, String name) {
        return new Fingerprint().add(hospitalName).add(name).value();
    }

    private static long fingerprint(Department department) {
        return new Fingerprint().add(department.kind()).add(department.headcount()).add(department.minOnDuty())
                .add(department.capacity()).value();
    }
}
