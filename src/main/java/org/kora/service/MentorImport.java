package org.kora.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kora.domain.Department;
import org.kora.domain.Deployment;
import org.kora.domain.Hospital;
import org.kora.domain.HospitalKind;
import org.kora.domain.Mentor;
import org.kora.store.DepartmentDao;
import org.kora.store.HospitalDao;
import org.kora.store.MentorDao;
import org.kora.store.Tx;

/**
 * The mentors format: one row per deployment; rows with the same partner hospital and staff
 * number are one mentor and add deployments. A stored mentor whose row adds a deployment counts as
 * changed. Mentors are far fewer than rows, so they are kept as records; deployments only as keys.
 */
final class MentorImport extends RowImport {
    private static final int STAFF_NO = 0;
    private static final int NAME = 1;
    private static final int PARTNER_HOSPITAL = 2;
    private static final int HOSPITAL = 3;
    private static final int DEPARTMENT = 4;
    private static final int CAPACITY = 5;
    private static final int FROM = 6;
    private static final int TO = 7;

    private final Map<String, Hospital> hospitals = new HashMap<>();
    private final Map<DepartmentKey, Department> departments = new HashMap<>();
    /** Mentors stored or met in the file: (partner hospital, staff number) → id (0 while not written). */
    private final Map<MentorKey, Long> mentorIds = new HashMap<>();
    private final Map<MentorKey, Mentor> storedMentors = new HashMap<>();
    /** Deployments stored or met in the file, as hashes of (partner hospital, staff number, from, to). */
    private final KeyIndex deployments = new KeyIndex();
    private final MentorDao writer;
    private final List<Deployment> batch = new ArrayList<>();

    private record DepartmentKey(long hospitalId, String name) {
    }

    private record MentorKey(long partnerHospitalId, String staffNo) {
    }

    MentorImport(Tx tx, boolean write) {
        tx.dao(HospitalDao.class).list().forEach(hospital -> hospitals.put(hospital.name(), hospital));
        tx.dao(DepartmentDao.class).list()
                .forEach(department -> departments.put(new DepartmentKey(department.hospitalId(), department.name()),
                        department));
        var mentors = tx.dao(MentorDao.class);
        var byId = new HashMap<Long, MentorKey>();
        for (var mentor : mentors.list()) {
            var key = new MentorKey(mentor.partnerHospitalId(), mentor.staffNo());
            storedMentors.put(key, mentor);
            mentorIds.put(key, mentor.id());
            byId.put(mentor.id(), key);
        }
        for (var deployment : mentors.deployments()) {
            deployments.putIfAbsent(deploymentKey(byId.get(deployment.mentorId()), deployment.from(), deployment.to()), 0);
        }
        writer = write ? mentors : null;
    }

    @Override
    RowOutcome row(RowCheck check) {
        var staffNo = check.staffNo(STAFF_NO);
        var name = check.text(NAME, 200);
        var partner = hospital(check, PARTNER_HOSPITAL, HospitalKind.PARTNER, "import.notPartnerHospital");
        var home = hospital(check, HOSPITAL, HospitalKind.HOME, "import.notHomeHospital");
        var departmentName = check.text(DEPARTMENT, 200);
        var capacity = check.integer(CAPACITY, 1);
        var from = check.date(FROM);
        var to = check.date(TO);
        Department department = null;
        if (home != null && departmentName != null) {
            department = departments.get(new DepartmentKey(home.id(), departmentName));
            if (department == null) {
                check.fail(DEPARTMENT, "import.unknownDepartment", departmentName, home.name());
            }
        }
        if (from != null && to != null && to.isBefore(from)) {
            check.fail(TO, "import.endBeforeStart", from.toString());
        }
        if (check.bad()) {
            return RowOutcome.BAD;
        }
        var mentor = new Mentor(0, partner.id(), department.id(), staffNo, name, capacity);
        var key = new MentorKey(partner.id(), staffNo);
        var stored = storedMentors.get(key);
        var outcome = classify(check, STAFF_NO, new Fingerprint().add(key.partnerHospitalId()).add(staffNo).value(),
                fingerprint(mentor), stored == null ? null : fingerprint(stored));
        if (outcome == RowOutcome.BAD) {
            return outcome;
        }
        if (!deployments.putIfAbsent(deploymentKey(key, from, to), check.line())) {
            return RowOutcome.UNCHANGED;
        }
        if (writer != null) {
            var id = mentorIds.getOrDefault(key, 0L);
            if (id == 0) {
                id = writer.insert(mentor);
                mentorIds.put(key, id);
            }
            batch.add(new Deployment(0, id, from, to));
            if (batch.size() == ImportService.BATCH) {
                finish();
            }
        }
        return stored == null ? RowOutcome.NEW : RowOutcome.CHANGED;
    }

    @Override
    void finish() {
        if (!batch.isEmpty()) {
            writer.insertDeployments(batch);
            batch.clear();
        }
    }

    private Hospital hospital(RowCheck check, int column, HospitalKind kind, String wrongKindKey) {
        var name = check.text(column, 200);
        if (name == null) {
            return null;
        }
        var hospital = hospitals.get(name);
        if (hospital == null) {
            check.fail(column, "import.unknownHospital", name);
            return null;
        }
        if (hospital.kind() != kind) {
            check.fail(column, wrongKindKey, name);
            return null;
        }
        return hospital;
    }

    private static long deploymentKey(MentorKey mentor, LocalDate from, LocalDate to) {
        return new Fingerprint().add(mentor.partnerHospitalId()).add(mentor.staffNo()).add(from).add(to).value();
    }

    private static long fingerprint(Mentor mentor) {
        return new Fingerprint().add(mentor.departmentId()).add(mentor.name()).add(mentor.capacity()).value();
    }
}
