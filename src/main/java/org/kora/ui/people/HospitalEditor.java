package org.kora.ui.people;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.kora.domain.Hospital;
import org.kora.domain.HospitalKind;
import org.kora.service.HospitalRow;
import org.kora.service.PeopleRules;
import org.kora.service.Session;

/** The Hospitals tab: name and kind (fixed once saved); partnerships are shown, not edited here. */
public final class HospitalEditor extends Editor<HospitalRow, Hospital> {
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<HospitalKind> kind = new SimpleObjectProperty<>(HospitalKind.HOME);
    private final ReadOnlyBooleanWrapper kindLocked = new ReadOnlyBooleanWrapper();

    HospitalEditor(PeopleViewModel owner) {
        super(owner);
        selectedProperty().addListener((property, was, is) -> kindLocked.set(is != null));
        watch(name, kind);
    }

    @Override
    protected long id(HospitalRow row) {
        return row.hospital().id();
    }

    @Override
    protected boolean matches(HospitalRow row, String needle) {
        return contains(row.hospital().name(), needle);
    }

    @Override
    protected void fill(HospitalRow row) {
        name.set(row.hospital().name());
        kind.set(row.hospital().kind());
    }

    @Override
    protected void clearForm() {
        name.set("");
        kind.set(HospitalKind.HOME);
    }

    @Override
    protected Hospital version(HospitalRow row) {
        return row.hospital();
    }

    @Override
    protected Hospital fromForm(long id) {
        return new Hospital(id, name.get(), kind.get());
    }

    @Override
    protected long save(Session session, Hospital version) {
        return owner.people().saveHospital(session, version).id();
    }

    @Override
    protected Optional<String> firstProblem() {
        return nameProblem();
    }

    public Optional<String> nameProblem() {
        return PeopleRules.name(name.get()).map(owner.messages()::format);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<HospitalKind> kindProperty() {
        return kind;
    }

    public List<HospitalKind> kinds() {
        return List.of(HospitalKind.values());
    }

    public ReadOnlyBooleanProperty kindLockedProperty() {
        return kindLocked.getReadOnlyProperty();
    }

    /** The hospitals a row's hospital is paired with, as one line. */
    public String partners(HospitalRow row) {
        return row.partners().stream().map(Hospital::name).collect(Collectors.joining(owner.messages().get("people.listSeparator")));
    }
}
