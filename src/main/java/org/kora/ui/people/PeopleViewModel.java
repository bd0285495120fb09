package org.kora.ui.people;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.kora.domain.Competency;
import org.kora.domain.HospitalKind;
import org.kora.domain.Messages;
import org.kora.domain.Permission;
import org.kora.domain.Profession;
import org.kora.service.CurriculumService;
import org.kora.service.DepartmentRow;
import org.kora.service.HospitalRow;
import org.kora.service.ImportService;
import org.kora.service.MentorRow;
import org.kora.service.PeopleService;
import org.kora.service.Session;
import org.kora.service.TraineeRow;
import org.kora.ui.TaskExecutor;
import org.kora.ui.WorkStatus;

/**
 * The People screen: trainees, mentors, departments, home departments' curricula and hospitals,
 * each a list with a form beside it. Everyone who may see people sees the lists; only those who
 * may edit people (or curricula) get a form they can use (the service refuses the others anyway).
 * Every call to the store runs in the background.
 */
public final class PeopleViewModel {
    /** Everything the screen lists, read in one go; the curriculum is that of one home department. */
    record Lists(List<TraineeRow> trainees, List<MentorRow> mentors, List<DepartmentRow> departments,
                 List<HospitalRow> hospitals, long curriculumDepartment, List<Competency> curriculum) {
    }

    private final PeopleService people;
    private final CurriculumService curriculumService;
    private final Session session;
    private final TaskExecutor executor;
    private final Messages messages;
    private final boolean editable;
    private final boolean curriculaEditable;
    private final WorkStatus work;
    private final TraineeEditor trainees;
    private final MentorEditor mentors;
    private final DepartmentEditor departments;
    private final HospitalEditor hospitals;
    private final CurriculumEditor curricula;
    private final RosterImport roster;
    private Lists lists = new Lists(List.of(), List.of(), List.of(), List.of(), 0, List.of());

    public PeopleViewModel(PeopleService people, ImportService imports, CurriculumService curricula, Session session,
                           TaskExecutor executor, Messages messages) {
        this.people = people;
        this.curriculumService = curricula;
        this.session = session;
        this.executor = executor;
        this.messages = messages;
        this.work = new WorkStatus(messages);
        this.editable = session.may(Permission.EDIT_PEOPLE);
        this.curriculaEditable = session.may(Permission.EDIT_CURRICULA);
        trainees = new TraineeEditor(this);
        mentors = new MentorEditor(this);
        departments = new DepartmentEditor(this);
        hospitals = new HospitalEditor(this);
        this.curricula = new CurriculumEditor(this);
        roster = new RosterImport(imports, session, executor, messages, work, this::load);
    }

    /** The import of departments, trainees and mentors from files. */
    public RosterImport roster() {
        return roster;
    }

    public TraineeEditor trainees() {
        return trainees;
    }

    public MentorEditor mentors() {
        return mentors;
    }

    public DepartmentEditor departments() {
        return departments;
    }

    public HospitalEditor hospitals() {
        return hospitals;
    }

    public CurriculumEditor curricula() {
        return curricula;
    }

    /** Whether this user may change people; a manager only looks. */
    public boolean editable() {
        return editable;
    }

    public WorkStatus work() {
        return work;
    }

    /** Whether this user may change curricula (HR planners and administrators). */
    public boolean curriculaEditable() {
        return curriculaEditable;
    }

    /** What a read-only user is told above the form. */
    public String readOnlyNote() {
        return editable ? "" : messages.get("people.readOnly");
    }

    public String professionName(Profession profession) {
        if (profession == null) {
            return "";
        }
        return messages.get(switch (profession) {
            case DOCTOR -> "people.profession.doctor";
            case NURSE -> "people.profession.nurse";
            case TECHNICIAN -> "people.profession.technician";
            case OTHER -> "people.profession.other";
        });
    }

    public String kindName(HospitalKind kind) {
        if (kind == null) {
            return "";
        }
        return messages.get(kind == HospitalKind.HOME ? "people.kind.home" : "people.kind.partner");
    }

    public String date(LocalDate day) {
        return messages.date(day);
    }

    /** Reads every list in the background. */
    public void load() {
        reload(() -> { });
    }

    Lists lists() {
        return lists;
    }

    Messages messages() {
        return messages;
    }

    void reload(Runnable then) {
        var chosenDepartment = curricula.departmentId();
        work.run(executor, "people.loading", () -> {
            var departmentRows = people.departments(session);
            var curriculumDepartment = chosenDepartment != 0 ? chosenDepartment : CurriculumEditor.firstHome(departmentRows);
            return new Lists(people.trainees(session), people.mentors(session), departmentRows, people.hospitals(session),
                    curriculumDepartment, curriculumDepartment == 0 ? List.of()
                            : curriculumService.curriculum(session, curriculumDepartment));
        }, loaded -> {
            lists = loaded;
            hospitals.replaceRows(loaded.hospitals());
            departments.replaceRows(loaded.departments());
            mentors.replaceRows(loaded.mentors());
            trainees.replaceRows(loaded.trainees());
            curricula.departmentsRead(loaded.departments(), loaded.curriculumDepartment());
            curricula.replaceRows(loaded.curriculum());
            then.run();
        });
    }

    /** Reads the curriculum of the home department just chosen; a reply for an earlier choice is dropped. */
    void loadCurriculum(long departmentId) {
        if (departmentId == 0) {
            curricula.replaceRows(List.of());
            return;
        }
        work.run(executor, "people.loading", () -> curriculumService.curriculum(session, departmentId), rows -> {
            if (curricula.departmentId() == departmentId) {
                curricula.replaceRows(rows);
            }
        });
    }

    /** Runs a call to the store in the background, then {@code done} with its result. */
    <T> void run(Function<Session, T> call, Consumer<T> done) {
        work.run(executor, "people.saving", () -> call.apply(session), done);
    }

    PeopleService people() {
        return people;
    }

    CurriculumService curriculumService() {
        return curriculumService;
    }

    void tell(String key) {
        work.tell(key);
    }
}
