package org.kora.ui.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.kora.domain.HospitalKind;
import org.kora.domain.Problem;
import org.kora.domain.Profession;
import org.kora.domain.Trainee;
import org.kora.service.PeopleRules;
import org.kora.service.Session;
import org.kora.service.TraineeRow;
import org.kora.ui.Choice;

/** The Trainees tab: search by name or staff number, filters by hospital and department, the trainee form. */
public final class TraineeEditor extends Editor<TraineeRow, Trainee> {
    private final StringProperty staffNo = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<Profession> profession = new SimpleObjectProperty<>(Profession.DOCTOR);
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> earliestStart = new SimpleObjectProperty<>();
    private final StringProperty notes = new SimpleStringProperty("");
    private final ObjectProperty<Choice> hospital = new SimpleObjectProperty<>();
    private final ObjectProperty<Choice> department = new SimpleObjectProperty<>();
    private final ObservableList<Choice> hospitalChoices = FXCollections.observableArrayList();
    private final ObservableList<Choice> departmentChoices = FXCollections.observableArrayList();
    private final ObjectProperty<Choice> hospitalFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Choice> departmentFilter = new SimpleObjectProperty<>();
    private final ObservableList<Choice> hospitalFilterChoices = FXCollections.observableArrayList();
    private final ObservableList<Choice> departmentFilterChoices = FXCollections.observableArrayList();

    TraineeEditor(PeopleViewModel owner) {
        super(owner);
        hospital.addListener((property, was, is) -> {
            departmentChoices.setAll(homeDepartmentsOf(is));
            if (department.get() != null && !departmentChoices.contains(department.get())) {
                department.set(null);
            }
        });
        hospitalFilter.addListener((property, was, is) -> {
            departmentFilterChoices.setAll(departmentFiltersOf(is));
            departmentFilter.set(departmentFilterChoices.get(0));
        });
        hospitalFilter.addListener(observable -> refilter());
        departmentFilter.addListener(observable -> refilter());
        watch(staffNo, name, profession, title, phone, earliestStart, notes, hospital, department);
    }

    private void refilter() {
        var byHospital = hospitalFilter.get() == null ? 0 : hospitalFilter.get().id();
        var byDepartment = departmentFilter.get() == null ? 0 : departmentFilter.get().id();
        extraFilterProperty().set(row -> (byHospital == 0 || row.trainee().hospitalId() == byHospital)
                && (byDepartment == 0 || row.trainee().departmentId() == byDepartment));
    }

    @Override
    void replaceRows(List<TraineeRow> fresh) {
        var lists = owner.lists();
        var homes = lists.hospitals().stream().filter(row -> row.hospital().kind() == HospitalKind.HOME)
                .map(row -> new Choice(row.hospital().id(), row.hospital().name())).toList();
        quietly(() -> {
            var chosenHospital = hospital.get();
            var chosenDepartment = department.get();
            hospitalChoices.setAll(homes);
            departmentChoices.setAll(homeDepartmentsOf(chosenHospital));
            hospital.set(chosenHospital);
            department.set(chosenDepartment);
        });
        var filterHospital = hospitalFilter.get();
        var filterDepartment = departmentFilter.get();
        var all = new Choice(0, owner.messages().get("people.filter.allHospitals"));
        hospitalFilterChoices.setAll(all);
        hospitalFilterChoices.addAll(homes);
        hospitalFilter.set(filterHospital != null && hospitalFilterChoices.contains(filterHospital) ? filterHospital : all);
        departmentFilterChoices.setAll(departmentFiltersOf(hospitalFilter.get()));
        departmentFilter.set(filterDepartment != null && departmentFilterChoices.contains(filterDepartment)
                ? filterDepartment : departmentFilterChoices.get(0));
        super.replaceRows(fresh);
    }

    private List<Choice> homeDepartmentsOf(Choice hospitalChoice) {
        if (hospitalChoice == null) {
            return List.of();
        }
        return owner.lists().departments().stream()
                .filter(row -> row.department().hospitalId() == hospitalChoice.id()
                        && row.department().kind() == HospitalKind.HOME)
                .map(row -> new Choice(row.department().id(), row.department().name())).toList();
    }

    private List<Choice> departmentFiltersOf(Choice hospitalChoice) {
        var all = new Choice(0, owner.messages().get("people.filter.allDepartments"));
        var choices = new ArrayList<Choice>();
        choices.add(all);
        // departments of the same name stand in each hospital: the filter offers them once a hospital is chosen
        if (hospitalChoice != null && hospitalChoice.id() != 0) {
            choices.addAll(homeDepartmentsOf(hospitalChoice));
        }
        return choices;
    }

    @Override
    protected long id(TraineeRow row) {
        return row.trainee().id();
    }

    @Override
    protected boolean matches(TraineeRow row, String needle) {
        return contains(row.trainee().name(), needle) || contains(row.trainee().staffNo(), needle);
    }

    @Override
    protected void fill(TraineeRow row) {
        var t = row.trainee();
        hospital.set(find(hospitalChoices, t.hospitalId()));
        department.set(find(departmentChoices, t.departmentId()));
        staffNo.set(t.staffNo());
        name.set(t.name());
        profession.set(t.profession());
        title.set(text(t.title()));
        phone.set(text(t.phone()));
        earliestStart.set(t.earliestStart());
        notes.set(text(t.notes()));
    }

    @Override
    protected void clearForm() {
        var filter = hospitalFilter.get();
        hospital.set(filter == null || filter.id() == 0 ? null : find(hospitalChoices, filter.id()));
        var departmentFilterChoice = departmentFilter.get();
        department.set(departmentFilterChoice == null || departmentFilterChoice.id() == 0 ? null
                : find(departmentChoices, departmentFilterChoice.id()));
        staffNo.set("");
        name.set("");
        profession.set(Profession.DOCTOR);
        title.set("");
        phone.set("");
        earliestStart.set(null);
        notes.set("");
    }

    @Override
    protected Trainee version(TraineeRow row) {
        return row.trainee();
    }

    @Override
    protected Trainee fromForm(long id) {
        return new Trainee(id, hospital.get().id(), department.get().id(), staffNo.get(), name.get(), profession.get(),
                title.get(), phone.get(), earliestStart.get(), notes.get());
    }

    @Override
    protected long save(Session session, Trainee version) {
        return owner.people().saveTrainee(session, version).id();
    }

    @Override
    protected Optional<String> firstProblem() {
        return hospitalProblem().or(this::departmentProblem).or(this::staffNoProblem).or(this::nameProblem)
                .or(this::titleProblem).or(this::phoneProblem).or(this::notesProblem);
    }

    public Optional<String> hospitalProblem() {
        return hospital.get() == null ? Optional.of(owner.messages().get("people.trainee.hospitalMissing"))
                : Optional.empty();
    }

    public Optional<String> departmentProblem() {
        return department.get() == null ? Optional.of(owner.messages().get("people.trainee.departmentMissing"))
                : Optional.empty();
    }

    public Optional<String> staffNoProblem() {
        return shown(PeopleRules.staffNo(staffNo.get()));
    }

    public Optional<String> nameProblem() {
        return shown(PeopleRules.name(name.get()));
    }

    public Optional<String> titleProblem() {
        return shown(PeopleRules.title(title.get()));
    }

    public Optional<String> phoneProblem() {
        return shown(PeopleRules.phone(phone.get()));
    }

    public Optional<String> notesProblem() {
        return shown(PeopleRules.notes(notes.get()));
    }

    private Optional<String> shown(Optional<Problem> problem) {
        return problem.map(owner.messages()::format);
    }

    static Choice find(List<Choice> choices, long id) {
        return choices.stream().filter(choice -> choice.id() == id).findFirst().orElse(null);
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    public StringProperty staffNoProperty() {
        return staffNo;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Profession> professionProperty() {
        return profession;
    }

    public List<Profession> professions() {
        return List.of(Profession.values());
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public ObjectProperty<LocalDate> earliestStartProperty() {
        return earliestStart;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public ObjectProperty<Choice> hospitalProperty() {
        return hospital;
    }

    public ObjectProperty<Choice> departmentProperty() {
        return department;
    }

    public ObservableList<Choice> hospitalChoices() {
        return hospitalChoices;
    }

    public ObservableList<Choice> departmentChoices() {
        return departmentChoices;
    }

    public ObjectProperty<Choice> hospitalFilterProperty() {
        return hospitalFilter;
    }

    public ObjectProperty<Choice> departmentFilterProperty() {
        return departmentFilter;
    }

    public ObservableList<Choice> hospitalFilterChoices() {
        return hospitalFilterChoices;
    }

    public ObservableList<Choice> departmentFilterChoices() {
        return departmentFilterChoices;
    }
}
