package org.kora.ui.people;

import java.util.List;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.kora.domain.Department;
import org.kora.domain.HospitalKind;
import org.kora.domain.Problem;
import org.kora.service.DepartmentRow;
import org.kora.service.PeopleRules;
import org.kora.service.Session;
import org.kora.ui.Choice;

/**
 * The Departments tab. A home department has a headcount and a minimum on duty, a partner
 * department a hosting capacity; the hospital chosen decides which, and stays once saved.
 */
public final class DepartmentEditor extends Editor<DepartmentRow, Department> {
    private final ObjectProperty<Choice> hospital = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty headcount = new SimpleStringProperty("");
    private final StringProperty minOnDuty = new SimpleStringProperty("");
    private final StringProperty capacity = new SimpleStringProperty("");
    private final ObservableList<Choice> hospitalChoices = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper home = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper hospitalLocked = new ReadOnlyBooleanWrapper();

    DepartmentEditor(PeopleViewModel owner) {
        super(owner);
        hospital.addListener((property, was, is) -> home.set(is == null || kindOf(is.id()) == HospitalKind.HOME));
        selectedProperty().addListener((property, was, is) -> hospitalLocked.set(is != null));
        watch(hospital, name, headcount, minOnDuty, capacity);
    }

    private HospitalKind kindOf(long hospitalId) {
        return owner.lists().hospitals().stream().filter(row -> row.hospital().id() == hospitalId)
                .map(row -> row.hospital().kind()).findFirst().orElse(HospitalKind.HOME);
    }

    @Override
    void replaceRows(List<DepartmentRow> fresh) {
        quietly(() -> {
            var chosen = hospital.get();
            hospitalChoices.setAll(owner.lists().hospitals().stream().map(row -> new Choice(row.hospital().id(),
                    owner.messages().format("people.hospital.withKind", row.hospital().name(),
                            owner.kindName(row.hospital().kind())))).toList());
            hospital.set(chosen == null ? null : TraineeEditor.find(hospitalChoices, chosen.id()));
        });
        super.replaceRows(fresh);
    }

    @Override
    protected long id(DepartmentRow row) {
        return row.department().id();
    }

    @Override
    protected boolean matches(DepartmentRow row, String needle) {
        return contains(row.department().name(), needle) || contains(row.hospitalName(), needle);
    }

    @Override
    protected void fill(DepartmentRow row) {
        var d = row.department();
        hospital.set(TraineeEditor.find(hospitalChoices, d.hospitalId()));
        name.set(d.name());
        headcount.set(number(d.headcount()));
        minOnDuty.set(number(d.minOnDuty()));
        capacity.set(number(d.capacity()));
    }

    @Override
    protected void clearForm() {
        hospital.set(null);
        name.set("");
        headcount.set("");
        minOnDuty.set("");
        capacity.set("");
    }

    @Override
    protected Department version(DepartmentRow row) {
        return row.department();
    }

    @Override
    protected Department fromForm(long id) {
        var hospitalId = hospital.get().id();
        return home.get() ? Department.home(id, hospitalId, name.get(), parse(headcount.get()), parse(minOnDuty.get()))
                : Department.partner(id, hospitalId, name.get(), parse(capacity.get()));
    }

    @Override
    protected long save(Session session, Department version) {
        return owner.people().saveDepartment(session, version).id();
    }

    @Override
    protected Optional<String> firstProblem() {
        return hospitalProblem().or(this::nameProblem).or(this::headcountProblem).or(this::minOnDutyProblem)
                .or(this::capacityProblem);
    }

    public Optional<String> hospitalProblem() {
        return hospital.get() == null ? Optional.of(owner.messages().get("people.department.hospitalMissing"))
                : Optional.empty();
    }

    public Optional<String> nameProblem() {
        return shown(PeopleRules.name(name.get()));
    }

    public Optional<String> headcountProblem() {
        return home.get() ? shown(PeopleRules.headcount(parse(headcount.get()))) : Optional.empty();
    }

    public Optional<String> minOnDutyProblem() {
        return home.get() ? shown(PeopleRules.minOnDuty(parse(minOnDuty.get()), parse(headcount.get())))
                : Optional.empty();
    }

    public Optional<String> capacityProblem() {
        return home.get() ? Optional.empty() : shown(PeopleRules.capacity(parse(capacity.get())));
    }

    private Optional<String> shown(Optional<Problem> problem) {
        return problem.map(owner.messages()::format);
    }

    /** A whole number, or null when the text is not one. */
    static Integer parse(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String number(Integer value) {
        return value == null ? "" : value.toString();
    }

    public ObjectProperty<Choice> hospitalProperty() {
        return hospital;
    }

    public ObservableList<Choice> hospitalChoices() {
        return hospitalChoices;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty headcountProperty() {
        return headcount;
    }

    public StringProperty minOnDutyProperty() {
        return minOnDuty;
    }

    public StringProperty capacityProperty() {
        return capacity;
    }

    /** Whether the form edits a home department (headcount, minimum on duty) rather than a partner one (capacity). */
    public ReadOnlyBooleanProperty homeProperty() {
        return home.getReadOnlyProperty();
    }

    /** A saved department keeps its hospital. */
    public ReadOnlyBooleanProperty hospitalLockedProperty() {
        return hospitalLocked.getReadOnlyProperty();
    }

    /** The numbers a department row shows: headcount / minimum on duty, or capacity. */
    public String figures(DepartmentRow row) {
        var d = row.department();
        return d.kind() == HospitalKind.HOME
                ? owner.messages().format("people.department.homeFigures", d.headcount(), d.minOnDuty())
                : owner.messages().format("people.department.partnerFigures", d.capacity());
    }
}
