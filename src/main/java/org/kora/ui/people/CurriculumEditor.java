package org.kora.ui.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.kora.domain.Competency;
import org.kora.domain.HospitalKind;
import org.kora.domain.Problem;
import org.kora.domain.SignOffLevel;
import org.kora.service.CompetencyDraft;
import org.kora.service.CurriculumRules;
import org.kora.service.DepartmentRow;
import org.kora.service.Session;
import org.kora.ui.Choice;

/**
 * The Curricula tab: choose a home department, see its competencies in order, and (HR planners,
 * administrators) add, change, remove and move them. Everyone else who sees people only looks;
 * the service refuses their changes anyway. A competency that sign-offs name cannot be removed:
 * the service says so, and the message shows in the status line.
 */
public final class CurriculumEditor extends Editor<Competency, CompetencyDraft> {
    private final ObjectProperty<Choice> department = new SimpleObjectProperty<>();
    private final ObservableList<Choice> departmentChoices = FXCollections.observableArrayList();
    private final StringProperty nameZh = new SimpleStringProperty("");
    private final StringProperty nameEn = new SimpleStringProperty("");
    private final StringProperty category = new SimpleStringProperty("");
    private final StringProperty required = new SimpleStringProperty("");
    private final ObjectProperty<SignOffLevel> level = new SimpleObjectProperty<>();
    private final BooleanBinding canMoveUp;
    private final BooleanBinding canMoveDown;
    private final BooleanBinding canRemove;
    /** Set while the department is chosen by a reload rather than by the user. */
    private boolean choosing;

    CurriculumEditor(PeopleViewModel owner) {
        super(owner);
        department.addListener((property, was, is) -> {
            if (!choosing) {
                newRecord();
                owner.loadCurriculum(departmentId());
            }
        });
        var busy = owner.work().busyProperty();
        canRemove = Bindings.createBooleanBinding(() -> editable() && !busy.get() && selectedProperty().get() != null,
                busy, selectedProperty());
        canMoveUp = Bindings.createBooleanBinding(() -> canRemove.get() && position() > 0, canRemove, rows());
        canMoveDown = Bindings.createBooleanBinding(() -> canRemove.get() && position() < rows().size() - 1, canRemove,
                rows());
        watch(nameZh, nameEn, category, required, level);
    }

    /** The first home department of {@code departments}, as the tab shows first; 0 when there is none. */
    static long firstHome(List<DepartmentRow> departments) {
        return departments.stream().filter(row -> row.department().kind() == HospitalKind.HOME)
                .mapToLong(row -> row.department().id()).findFirst().orElse(0);
    }

    /** The chosen home department's id; 0 when none is chosen. */
    long departmentId() {
        return department.get() == null ? 0 : department.get().id();
    }

    /** New lists were read: the home departments to choose from, with {@code chosen} (the one read) chosen. */
    void departmentsRead(List<DepartmentRow> departments, long chosen) {
        choosing = true;
        try {
            departmentChoices.setAll(departments.stream().filter(row -> row.department().kind() == HospitalKind.HOME)
                    .map(row -> new Choice(row.department().id(), owner.messages().format("curricula.departmentChoice",
                            row.department().name(), row.hospitalName()))).toList());
            department.set(TraineeEditor.find(departmentChoices, chosen));
        } finally {
            choosing = false;
        }
    }

    @Override
    public boolean editable() {
        return owner.curriculaEditable();
    }

    @Override
    protected long id(Competency row) {
        return row.id();
    }

    @Override
    protected boolean matches(Competency row, String needle) {
        return contains(row.nameZh(), needle) || contains(row.nameEn(), needle) || contains(row.category(), needle);
    }

    @Override
    protected void fill(Competency row) {
        nameZh.set(row.nameZh());
        nameEn.set(row.nameEn());
        category.set(TraineeEditor.text(row.category()));
        required.set(Integer.toString(row.requiredCount()));
        level.set(row.achievedLevel());
    }

    @Override
    protected void clearForm() {
        nameZh.set("");
        nameEn.set("");
        category.set("");
        required.set("");
        level.set(SignOffLevel.SUPERVISED);
    }

    @Override
    protected CompetencyDraft version(Competency row) {
        return CompetencyDraft.of(row);
    }

    @Override
    protected CompetencyDraft fromForm(long id) {
        return new CompetencyDraft(id, departmentId(), nameZh.get(), nameEn.get(), category.get(),
                DepartmentEditor.parse(required.get()), level.get());
    }

    @Override
    protected long save(Session session, CompetencyDraft version) {
        return owner.curriculumService().save(session, version).id();
    }

    @Override
    protected Optional<String> firstProblem() {
        return departmentProblem().or(this::nameZhProblem).or(this::nameEnProblem).or(this::categoryProblem)
                .or(this::requiredProblem).or(this::levelProblem);
    }

    public Optional<String> departmentProblem() {
        return department.get() == null ? Optional.of(owner.messages().get("curricula.departmentMissing"))
                : Optional.empty();
    }

    public Optional<String> nameZhProblem() {
        return shown(CurriculumRules.nameZh(nameZh.get()));
    }

    public Optional<String> nameEnProblem() {
        return shown(CurriculumRules.nameEn(nameEn.get()));
    }

    public Optional<String> categoryProblem() {
        return shown(CurriculumRules.category(category.get()));
    }

    public Optional<String> requiredProblem() {
        return shown(CurriculumRules.requiredCount(DepartmentEditor.parse(required.get())));
    }

    public Optional<String> levelProblem() {
        return shown(CurriculumRules.level(level.get()));
    }

    private Optional<String> shown(Optional<Problem> problem) {
        return problem.map(owner.messages()::format);
    }

    /** Removes the selected competency; the service refuses one that sign-offs name. */
    public void remove() {
        var chosen = selectedProperty().get();
        if (!canRemove.get()) {
            return;
        }
        owner.run(session -> {
            owner.curriculumService().remove(session, chosen.id());
            return chosen.id();
        }, id -> owner.reload(() -> {
            newRecord();
            owner.tell("curricula.removed");
        }));
    }

    /** What the user is asked before {@link #remove()}. */
    public String removeQuestion() {
        var chosen = selectedProperty().get();
        return chosen == null ? "" : owner.messages().format("curricula.removeQuestion", chosen.nameZh(), chosen.nameEn());
    }

    public void moveUp() {
        if (canMoveUp.get()) {
            move(-1);
        }
    }

    public void moveDown() {
        if (canMoveDown.get()) {
            move(1);
        }
    }

    private void move(int by) {
        var order = new ArrayList<>(rows().stream().map(Competency::id).toList());
        var from = position();
        order.add(from + by, order.remove(from));
        var departmentId = departmentId();
        owner.run(session -> owner.curriculumService().reorder(session, departmentId, order), this::replaceRows);
    }

    private int position() {
        return rows().indexOf(selectedProperty().get());
    }

    /** How a level is named on screen, and in the import file's level column. */
    public String levelName(SignOffLevel value) {
        if (value == null) {
            return "";
        }
        return owner.messages().get(value.messageKey());
    }

    public List<SignOffLevel> levels() {
        return List.of(SignOffLevel.values());
    }

    public ObjectProperty<Choice> departmentProperty() {
        return department;
    }

    public ObservableList<Choice> departmentChoices() {
        return departmentChoices;
    }

    public StringProperty nameZhProperty() {
        return nameZh;
    }

    public StringProperty nameEnProperty() {
        return nameEn;
    }

    public StringProperty categoryProperty() {
        return category;
    }

    public StringProperty requiredProperty() {
        return required;
    }

    public ObjectProperty<SignOffLevel> levelProperty() {
        return level;
    }

    public BooleanBinding canRemoveProperty() {
        return canRemove;
    }

    public BooleanBinding canMoveUpProperty() {
        return canMoveUp;
    }

    public BooleanBinding canMoveDownProperty() {
        return canMoveDown;
    }
}
