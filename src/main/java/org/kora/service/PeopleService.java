package org.kora.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kora.domain.DateRange;
import org.kora.domain.Department;
import org.kora.domain.Deployment;
import org.kora.domain.Hospital;
import org.kora.domain.HospitalKind;
import org.kora.domain.Leave;
import org.kora.domain.Mentor;
import org.kora.domain.Permission;
import org.kora.domain.Trainee;
import org.kora.store.AuditDao;
import org.kora.store.DepartmentDao;
import org.kora.store.HospitalDao;
import org.kora.store.MentorDao;
import org.kora.store.Store;
import org.kora.store.TraineeDao;
import org.kora.store.Tx;

/**
 * Hospitals, departments, trainees and mentors: lists for those who may see people (administrators,
 * HR planners, managers) and saving for those who may edit them (administrators, HR planners).
 * A record with id 0 is created, any other is updated. Each save is one transaction with one
 * audit line; the audit line never holds a phone number. Lists come sorted by {@link NameOrder}.
 */
public final class PeopleService {
    private final Store store;
    private final Clock clock;

    public PeopleService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Home hospitals first, then partner hospitals, each by name, with their partners by name. */
    public List<HospitalRow> hospitals(Session who) {
        who.require(Permission.VIEW_PEOPLE);
        return store.inTransaction(tx -> {
            var hospitals = tx.dao(HospitalDao.class);
            var byId = byId(hospitals.list(), Hospital::id);
            var partners = new HashMap<Long, List<Hospital>>();
            for (var pair : hospitals.partnerships()) {
                partners.computeIfAbsent(pair.homeHospitalId(), id -> new ArrayList<>()).add(byId.get(pair.partnerHospitalId()));
                partners.computeIfAbsent(pair.partnerHospitalId(), id -> new ArrayList<>()).add(byId.get(pair.homeHospitalId()));
            }
            var hospitalOrder = Comparator.comparing(Hospital::name, NameOrder.names());
            return byId.values().stream()
                    .sorted(Comparator.comparing(Hospital::kind).thenComparing(hospitalOrder))
                    .map(hospital -> new HospitalRow(hospital, partners.getOrDefault(hospital.id(), List.of()).stream()
                            .sorted(hospitalOrder).toList()))
                    .toList();
        });
    }

    /** By hospital name, then department name. */
    public List<DepartmentRow> departments(Session who) {
        who.require(Permission.VIEW_PEOPLE);
        return store.inTransaction(tx -> {
            var hospitals = byId(tx.dao(HospitalDao.class).list(), Hospital::id);
            return tx.dao(DepartmentDao.class).list().stream()
                    .map(department -> new DepartmentRow(department, hospitals.get(department.hospitalId()).name()))
                    .sorted(Comparator.comparing(DepartmentRow::hospitalName, NameOrder.names())
                            .thenComparing(row -> row.department().name(), NameOrder.names()))
                    .toList();
        });
    }

    /** By name, then staff number. */
    public List<TraineeRow> trainees(Session who) {
        who.require(Permission.VIEW_PEOPLE);
        return store.inTransaction(tx -> tx.dao(TraineeDao.class).listings().stream()
                .map(listing -> new TraineeRow(listing.trainee(), listing.hospitalName(), listing.departmentName()))
                .sorted(Comparator.comparing((TraineeRow row) -> row.trainee().name(), NameOrder.names())
                        .thenComparing(row -> row.trainee().staffNo()))
                .toList());
    }

    /** By name, then staff number; each mentor's deployments by date. */
    public List<MentorRow> mentors(Session who) {
        who.require(Permission.VIEW_PEOPLE);
        return store.inTransaction(tx -> {
            var hospitals = byId(tx.dao(HospitalDao.class).list(), Hospital::id);
            var departments = byId(tx.dao(DepartmentDao.class).list(), Department::id);
            var mentors = tx.dao(MentorDao.class);
            var deployments = mentors.deployments().stream().collect(Collectors.groupingBy(Deployment::mentorId));
            return mentors.list().stream().map(mentor -> {
                var department = departments.get(mentor.departmentId());
                return new MentorRow(mentor, hospitals.get(mentor.partnerHospitalId()).name(), department.name(),
                        hospitals.get(department.hospitalId()).name(), deployments.getOrDefault(mentor.id(), List.of()));
            }).sorted(Comparator.comparing((MentorRow row) -> row.mentor().name(), NameOrder.names())
                    .thenComparing(row -> row.mentor().staffNo())).toList();
        });
    }

    /** Creates or updates a trainee of a home department; the staff number is unique in the hospital. */
    public Trainee saveTrainee(Session who, Trainee trainee) {
        who.require(Permission.EDIT_PEOPLE);
        PeopleRules.check(PeopleRules.staffNo(trainee.staffNo()), PeopleRules.name(trainee.name()),
                PeopleRules.title(trainee.title()), PeopleRules.phone(trainee.phone()), PeopleRules.notes(trainee.notes()));
        var clean = new Trainee(trainee.id(), trainee.hospitalId(), trainee.departmentId(), trainee.staffNo().strip(),
                trainee.name().strip(), trainee.profession(), optional(trainee.title()), optional(trainee.phone()),
                trainee.earliestStart(), optional(trainee.notes()));
        return store.inTransaction(tx -> {
            var department = tx.dao(DepartmentDao.class).find(clean.departmentId())
                    .orElseThrow(() -> new InvalidInputException("people.trainee.departmentMissing"));
            if (department.hospitalId() != clean.hospitalId() || department.kind() != HospitalKind.HOME) {
                throw new InvalidInputException("people.trainee.departmentNotHome");
            }
            var trainees = tx.dao(TraineeDao.class);
            trainees.findIdByStaffNo(clean.hospitalId(), clean.staffNo()).filter(id -> id != clean.id()).ifPresent(id -> {
                throw new InvalidInputException("people.trainee.staffNoTaken", clean.staffNo());
            });
            long id;
            if (clean.id() == 0) {
                id = trainees.insert(clean);
            } else {
                requireFound(trainees.update(clean));
                id = clean.id();
            }
            audit(tx, who, "TRAINEE_SAVED", "id=" + id + " staffNo=" + clean.staffNo() + " name=" + clean.name()
                    + " department=" + clean.departmentId());
            return trainees.find(id).orElseThrow();
        });
    }

    /** A trainee's leave, by start date. */
    public List<Leave> leave(Session who, long traineeId) {
        who.require(Permission.VIEW_PEOPLE);
        return store.inTransaction(tx -> tx.dao(TraineeDao.class).leaveOf(traineeId));
    }

    /** Records a period of leave ({@code leave}'s id is 0); the planner keeps the trainee's blocks clear of it. */
    public Leave addLeave(Session who, Leave leave) {
        who.require(Permission.EDIT_PEOPLE);
        PeopleRules.check(PeopleRules.notes(leave.reason()));
        return store.inTransaction(tx -> {
            var trainees = tx.dao(TraineeDao.class);
            trainees.find(leave.traineeId()).orElseThrow(() -> new InvalidInputException("people.notFound"));
            var id = trainees.insertLeave(new Leave(0, leave.traineeId(), leave.from(), leave.to(), optional(leave.reason())));
            audit(tx, who, "LEAVE_ADDED", "id=" + id + " trainee=" + leave.traineeId() + " from=" + leave.from()
                    + " to=" + leave.to());
            return trainees.leaveOf(leave.traineeId()).stream().filter(added -> added.id() == id).findFirst().orElseThrow();
        });
    }

    /** Removes a period of leave. */
    public void removeLeave(Session who, Leave leave) {
        who.require(Permission.EDIT_PEOPLE);
        store.inTransaction(tx -> {
            requireFound(tx.dao(TraineeDao.class).deleteLeave(leave.id()));
            audit(tx, who, "LEAVE_REMOVED", "id=" + leave.id() + " trainee=" + leave.traineeId());
            return null;
        });
    }

    /** Creates or updates a department; its hospital (and so its kind) stays what it was created with. */
    public Department saveDepartment(Session who, Department department) {
        who.require(Permission.EDIT_PEOPLE);
        PeopleRules.check(PeopleRules.name(department.name()));
        if (department.kind() == HospitalKind.HOME) {
            PeopleRules.check(PeopleRules.headcount(department.headcount()),
                    PeopleRules.minOnDuty(department.minOnDuty(), department.headcount()));
        } else {
            PeopleRules.check(PeopleRules.capacity(department.capacity()));
        }
        var clean = new Department(department.id(), department.hospitalId(), department.name().strip(),
                department.kind(), department.headcount(), department.minOnDuty(), department.capacity());
        return store.inTransaction(tx -> {
            var hospital = tx.dao(HospitalDao.class).find(clean.hospitalId())
                    .orElseThrow(() -> new InvalidInputException("people.department.hospitalMissing"));
            if (hospital.kind() != clean.kind()) {
                throw new InvalidInputException("people.department.kindMismatch");
            }
            var departments = tx.dao(DepartmentDao.class);
            departments.findIdByName(clean.hospitalId(), clean.name()).filter(id -> id != clean.id()).ifPresent(id -> {
                throw new InvalidInputException("people.department.nameTaken", clean.name());
            });
            long id;
            if (clean.id() == 0) {
                id = departments.insert(clean);
            } else {
                var stored = departments.find(clean.id()).orElseThrow(() -> new InvalidInputException("people.notFound"));
                if (stored.hospitalId() != clean.hospitalId()) {
                    throw new InvalidInputException("people.department.hospitalLocked");
                }
                departments.update(clean);
                id = clean.id();
            }
            audit(tx, who, "DEPARTMENT_SAVED", "id=" + id + " hospital=" + clean.hospitalId() + " name=" + clean.name()
                    + " kind=" + clean.kind());
            return departments.find(id).orElseThrow();
        });
    }

    /**
     * Creates or updates a mentor of a partner hospital serving a home department of a paired
     * hospital; the mentor's deployments become exactly {@code deployments}.
     */
    public MentorRow saveMentor(Session who, Mentor mentor, List<DateRange> deployments) {
        who.require(Permission.EDIT_PEOPLE);
        PeopleRules.check(PeopleRules.staffNo(mentor.staffNo()), PeopleRules.name(mentor.name()),
                PeopleRules.capacity(mentor.capacity()));
        var clean = new Mentor(mentor.id(), mentor.partnerHospitalId(), mentor.departmentId(), mentor.staffNo().strip(),
                mentor.name().strip(), mentor.capacity());
        return store.inTransaction(tx -> {
            var hospitals = tx.dao(HospitalDao.class);
            var partner = hospitals.find(clean.partnerHospitalId()).filter(h -> h.kind() == HospitalKind.PARTNER)
                    .orElseThrow(() -> new InvalidInputException("people.mentor.hospitalNotPartner"));
            var department = tx.dao(DepartmentDao.class).find(clean.departmentId())
                    .filter(d -> d.kind() == HospitalKind.HOME)
                    .orElseThrow(() -> new InvalidInputException("people.mentor.departmentNotHome"));
            if (hospitals.partnerships().stream().noneMatch(pair -> pair.partnerHospitalId() == partner.id()
                    && pair.homeHospitalId() == department.hospitalId())) {
                throw new InvalidInputException("people.mentor.notPaired");
            }
            var mentors = tx.dao(MentorDao.class);
            mentors.findIdByStaffNo(clean.partnerHospitalId(), clean.staffNo()).filter(id -> id != clean.id())
                    .ifPresent(id -> {
                        throw new InvalidInputException("people.mentor.staffNoTaken", clean.staffNo());
                    });
            long id;
            if (clean.id() == 0) {
                id = mentors.insert(clean);
            } else {
                requireFound(mentors.update(clean));
                id = clean.id();
                mentors.deleteDeployments(id);
            }
            for (var range : deployments.stream().sorted(Comparator.comparing(DateRange::from)).toList()) {
                mentors.insertDeployment(new Deployment(0, id, range.from(), range.to()));
            }
            audit(tx, who, "MENTOR_SAVED", "id=" + id + " staffNo=" + clean.staffNo() + " name=" + clean.name()
                    + " department=" + clean.departmentId() + " deployments=" + deployments.size());
            var homeHospital = hospitals.find(department.hospitalId()).orElseThrow();
            return new MentorRow(mentors.find(id).orElseThrow(), partner.name(), department.name(), homeHospital.name(),
                    mentors.deploymentsOf(id));
        });
    }

    /** Creates a hospital, or renames one; a hospital's kind never changes. */
    public Hospital saveHospital(Session who, Hospital hospital) {
        who.require(Permission.EDIT_PEOPLE);
        PeopleRules.check(PeopleRules.name(hospital.name()));
        var name = hospital.name().strip();
        return store.inTransaction(tx -> {
            var hospitals = tx.dao(HospitalDao.class);
            hospitals.findIdByName(name).filter(id -> id != hospital.id()).ifPresent(id -> {
                throw new InvalidInputException("people.hospital.nameTaken", name);
            });
            long id;
            if (hospital.id() == 0) {
                id = hospitals.insert(name, hospital.kind());
            } else {
                var stored = hospitals.find(hospital.id()).orElseThrow(() -> new InvalidInputException("people.notFound"));
                if (stored.kind() != hospital.kind()) {
                    throw new InvalidInputException("people.hospital.kindLocked");
                }
                hospitals.rename(hospital.id(), name);
                id = hospital.id();
            }
            audit(tx, who, "HOSPITAL_SAVED", "id=" + id + " name=" + name + " kind=" + hospital.kind());
            return hospitals.find(id).orElseThrow();
        });
    }

    private void audit(Tx tx, Session who, String action, String detail) {
        tx.dao(AuditDao.class).record(clock.instant(), who.user().username(), action, detail);
    }

    private static void requireFound(int updated) {
        if (updated == 0) {
            throw new InvalidInputException("people.notFound");
        }
    }

    private static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static <T> Map<Long, T> byId(List<T> items, Function<T, Long> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
