package org.kora.ui.people;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.kora.domain.DateRange;
import org.kora.domain.Deployment;
import org.kora.domain.HospitalKind;
import org.kora.domain.Mentor;
import org.kora.domain.Problem;
import org.kora.service.MentorRow;
import org.kora.service.PeopleRules;
import org.kora.service.Session;
import org.kora.ui.Choice;

/**
 * The Mentors tab: a mentor of a partner hospital, the home department they serve and their
 * deployments, one a line ({@code 2026-03-01 – 2026-08-31}); saving replaces the deployments.
 */
public final class MentorEditor extends Editor<MentorRow, MentorEditor.Version> {
    /** What a mentor's save stores: the mentor and the whole set of deployments. */
    public record Version(Mentor mentor, List<DateRange> deployments) {
    }

    private static final Pattern DEPLOYMENT = Pattern.compile("\\s*(\\d{4}-\\d{2}-\\d{2})\\s*(?:–|-|—|to|至|~)?\\s*(\\d{4}-\\d{2}-\\d{2})\\s*");

    private final StringProperty staffNo = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<Choice> partnerHospital = new SimpleObjectProperty<>();
    private final ObjectProperty<Choice> department = new SimpleObjectProperty<>();
    private final StringProperty capacity = new SimpleStringProperty("");
    private final StringProperty deployments = new SimpleStringProperty("");
    private final ObservableList<Choice> partnerChoices = FXCollections.observableArrayList();
    private final ObservableList<Choice> departmentChoices = FXCollections.observableArrayList();

    MentorEditor(PeopleViewModel owner) {
        super(owner);
        partnerHospital.addListener((property, was, is) -> {
            departmentChoices.setAll(servedDepartments(is));
            if (department.get() != null && !departmentChoices.contains(department.get())) {
                department.set(null);
            }
        });
        watch(staffNo, name, partnerHospital, department, capacity, deployments);
    }

    /** Home departments of the hospitals paired with the partner hospital, named with their hospital. */
    private List<Choice> servedDepartments(Choice partner) {
        if (partner == null) {
            return List.of();
        }
        var lists = owner.lists();
        var paired = lists.hospitals().stream().filter(row -> row.hospital().id() == partner.id())
                .flatMap(row -> row.partners().stream()).map(hospital -> hospital.id()).toList();
        return lists.departments().stream()
                .filter(row -> row.department().kind() == HospitalKind.HOME && paired.contains(row.department().hospitalId()))
                .map(row -> new Choice(row.department().id(), owner.messages().format("people.mentor.departmentAt",
                        row.department().name(), row.hospitalName())))
                .toList();
    }

    @Override
    void replaceRows(List<MentorRow> fresh) {
        quietly(() -> {
            var chosenPartner = partnerHospital.get();
            var chosenDepartment = department.get();
            partnerChoices.setAll(owner.lists().hospitals().stream()
                    .filter(row -> row.hospital().kind() == HospitalKind.PARTNER)
                    .map(row -> new Choice(row.hospital().id(), row.hospital().name())).toList());
            partnerHospital.set(chosenPartner == null ? null : TraineeEditor.find(partnerChoices, chosenPartner.id()));
            departmentChoices.setAll(servedDepartments(partnerHospital.get()));
            department.set(chosenDepartment == null ? null : TraineeEditor.find(departmentChoices, chosenDepartment.id()));
        });
        super.replaceRows(fresh);
    }

    @Override
    protected long id(MentorRow row) {
        return row.mentor().id();
    }

    @Override
    protected boolean matches(MentorRow row, String needle) {
        return contains(row.mentor().name(), needle) || contains(row.mentor().staffNo(), needle);
    }

    @Override
    protected void fill(MentorRow row) {
        var m = row.mentor();
        partnerHospital.set(TraineeEditor.find(partnerChoices, m.partnerHospitalId()));
        department.set(TraineeEditor.find(departmentChoices, m.departmentId()));
        staffNo.set(m.staffNo());
        name.set(m.name());
        capacity.set(Integer.toString(m.capacity()));
        deployments.set(row.deployments().stream().map(d -> d.from() + " – " + d.to()).collect(Collectors.joining("\n")));
    }

    @Override
    protected void clearForm() {
        partnerHospital.set(null);
        department.set(null);
        staffNo.set("");
        name.set("");
        capacity.set("");
        deployments.set("");
    }

    @Override
    protected Version version(MentorRow row) {
        return new Version(row.mentor(), row.deployments().stream().map(Deployment::range).toList());
    }

    @Override
    protected Version fromForm(long id) {
        return new Version(new Mentor(id, partnerHospital.get().id(), department.get().id(), staffNo.get(), name.get(),
                DepartmentEditor.parse(capacity.get())), parseDeployments().orElseThrow());
    }

    @Override
    protected long save(Session session, Version version) {
        return owner.people().saveMentor(session, version.mentor(), version.deployments()).mentor().id();
    }

    /** The deployments the text holds, or empty if a line is not a range of two dates. */
    private Optional<List<DateRange>> parseDeployments() {
        var ranges = new ArrayList<DateRange>();
        for (var line : deployments.get().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            var match = DEPLOYMENT.matcher(line);
            if (!match.matches()) {
                return Optional.empty();
            }
            try {
                var from = LocalDate.parse(match.group(1));
                var to = LocalDate.parse(match.group(2));
                if (PeopleRules.deployment(from, to).isPresent()) {
                    return Optional.empty();
                }
                ranges.add(DateRange.of(from, to));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.of(ranges);
    }

    @Override
    protected Optional<String> firstProblem() {
        return partnerHospitalProblem().or(this::departmentProblem).or(this::staffNoProblem).or(this::nameProblem)
                .or(this::capacityProblem).or(this::deploymentsProblem);
    }

    public Optional<String> partnerHospitalProblem() {
        return partnerHospital.get() == null ? Optional.of(owner.messages().get("people.mentor.hospitalNotPartner"))
                : Optional.empty();
    }

    public Optional<String> departmentProblem() {
        return department.get() == null ? Optional.of(owner.messages().get("people.mentor.departmentNotHome"))
                : Optional.empty();
    }

    public Optional<String> staffNoProblem() {
        return shown(PeopleRules.staffNo(staffNo.get()));
    }

    public Optional<String> nameProblem() {
        return shown(PeopleRules.name(name.get()));
    }

    public Optional<String> capacityProblem() {
        return shown(PeopleRules.capacity(DepartmentEditor.parse(capacity.get())));
    }

    public Optional<String> deploymentsProblem() {
        return parseDeployments().isPresent() ? Optional.empty()
                : Optional.of(owner.messages().get("people.mentor.deploymentsUnreadable"));
    }

    private Optional<String> shown(Optional<Problem> problem) {
        return problem.map(owner.messages()::format);
    }

    /** A mentor row's deployments as one short line, dates in the user's format. */
    public String deploymentSummary(MentorRow row) {
        return row.deployments().stream()
                .map(d -> owner.messages().format("people.mentor.range", owner.date(d.from()), owner.date(d.to())))
                .collect(Collectors.joining(owner.messages().get("people.listSeparator")));
    }

    public StringProperty staffNoProperty() {
        return staffNo;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Choice> partnerHospitalProperty() {
        return partnerHospital;
    }

    public ObjectProperty<Choice> departmentProperty() {
        return department;
    }

    public StringProperty capacityProperty() {
        return capacity;
    }

    public StringProperty deploymentsProperty() {
        return deployments;
    }

    public ObservableList<Choice> partnerChoices() {
        return partnerChoices;
    }

    public ObservableList<Choice> departmentChoices() {
        return departmentChoices;
    }
}
