package org.kora.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kora.domain.Department;
import org.kora.domain.Hospital;
import org.kora.domain.HospitalKind;
import org.kora.domain.Trainee;
import org.kora.store.DepartmentDao;
import org.kora.store.HospitalDao;
import org.kora.store.TraineeDao;
import org.kora.store.Tx;

/** The trainees format: each row one trainee of an existing home department. */
final class TraineeImport extends RowImport {
    private static final int STAFF_NO = 0;
    private static final int NAME = 1;
    private static final int HOSPITAL = 2;
    private static final int DEPARTMENT = 3;
    private static final int PROFESSION = 4;
    private static final int TITLE = 5;
    private static final int PHONE = 6;
    private static final int EARLIEST_START = 7;
    private static final int NOTES = 8;

    private final Map<String, Hospital> hospitals = new HashMap<>();
    private final Map<DepartmentKey, Department> departments = new HashMap<>();
    /** Stored trainees as key → fingerprint, not as records: the store may hold very many. */
    private final KeyIndex stored = new KeyIndex();
    private final TraineeDao writer;
    private final List<Trainee> batch = new ArrayList<>();

    private record DepartmentKey(long hospitalId, String name) {
    }

    TraineeImport(Tx tx, boolean write) {
        tx.dao(HospitalDao.class).list().forEach(hospital -> hospitals.put(hospital.name(), hospital));
        tx.dao(DepartmentDao.class).list()
                .forEach(department -> departments.put(new DepartmentKey(department.hospitalId(), department.name()),
                        department));
        var trainees = tx.dao(TraineeDao.class);
        trainees.forEach(trainee -> stored.putIfAbsent(key(trainee), fingerprint(trainee)));
        writer = write ? trainees : null;
    }

    @Override
    RowOutcome row(RowCheck check) {
        var staffNo = check.staffNo(STAFF_NO);
        var name = check.text(NAME, 200);
        var hospitalName = check.text(HOSPITAL, 200);
        var departmentName = check.text(DEPARTMENT, 200);
        var profession = check.profession(PROFESSION);
        var title = check.text(TITLE, 100);
        var phone = check.phone(PHONE);
        var earliestStart = check.date(EARLIEST_START);
        var notes = check.text(NOTES, 4000);
        var hospital = hospitalName == null ? null : hospitals.get(hospitalName);
        if (hospitalName != null && hospital == null) {
            check.fail(HOSPITAL, "import.unknownHospital", hospitalName);
        } else if (hospital != null && hospital.kind() != HospitalKind.HOME) {
            check.fail(HOSPITAL, "import.notHomeHospital", hospitalName);
            hospital = null;
        }
        Department department = null;
        if (hospital != null && departmentName != null) {
            department = departments.get(new DepartmentKey(hospital.id(), departmentName));
            if (department == null) {
                check.fail(DEPARTMENT, "import.unknownDepartment", departmentName, hospitalName);
            }
        }
        if (check.bad()) {
            return RowOutcome.BAD;
        }
        var trainee = new Trainee(0, hospital.id(), department.id(), staffNo, name, profession, title, phone,
                earliestStart, notes);
        var key = key(trainee);
        var outcome = classify(check, STAFF_NO, key, fingerprint(trainee),
                stored.contains(key) ? stored.get(key) : null);
        if (outcome == RowOutcome.NEW && writer != null) {
            batch.add(trainee);
            if (batch.size() == ImportService.BATCH) {
                finish();
            }
        }
        return outcome;
    }

    @Override
    void finish() {
        if (!batch.isEmpty()) {
            writer.insertAll(batch);
            batch.clear();
        }
    }

    private static long key(Trainee trainee) {
        return new Fingerprint().add(trainee.hospitalId()).add(trainee.staffNo()).value();
    }

    private static long fingerprint(Trainee trainee) {
        return new Fingerprint().add(trainee.departmentId()).add(trainee.name()).add(trainee.profession())
                .add(trainee.title()).add(trainee.phone()).add(trainee.earliestStart()).add(trainee.notes()).value();
    }
}
