package org.kora.ui.people;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import org.kora.service.Session;

/**
 * One tab of the People screen: a list with search, the selected row, and a form that edits it.
 * New clears the form for a new record, Revert puts back what is stored, Save stores the form and
 * Undo stores the version the last save replaced. {@code R} is the row a list shows, {@code V}
 * the version a save stores.
 */
abstract class Editor<R, V> {
    protected final PeopleViewModel owner;
    private final ObservableList<R> rows = FXCollections.observableArrayList();
    private final FilteredList<R> shown = new FilteredList<>(rows);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Predicate<R>> extraFilter = new SimpleObjectProperty<>(row -> true);
    private final ReadOnlyObjectWrapper<R> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private BooleanBinding canSave;
    private boolean filling;
    private boolean replacing;
    /** The version the last save replaced, and the id it was saved under; null when there is nothing to undo. */
    private V undoVersion;

    Editor(PeopleViewModel owner) {
        this.owner = owner;
        shown.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            var needle = search.get().strip().toLowerCase(Locale.ROOT);
            var extra = extraFilter.get();
            return row -> extra.test(row) && (needle.isEmpty() || matches(row, needle));
        }, search, extraFilter));
    }

    /** Called at the end of a subclass's constructor with every field of its form. */
    protected final void watch(ObservableValue<?>... fields) {
        for (var field : fields) {
            field.addListener((property, was, is) -> {
                if (!filling) {
                    dirty.set(true);
                }
            });
        }
        var all = new Observable[fields.length + 2];
        System.arraycopy(fields, 0, all, 0, fields.length);
        all[fields.length] = owner.work().busyProperty();
        all[fields.length + 1] = dirty;
        canSave = Bindings.createBooleanBinding(
                () -> editable() && !owner.work().busyProperty().get() && dirty.get() && firstProblem().isEmpty(), all);
        revert();
    }

    protected abstract long id(R row);

    /** Whether a row matches the search text, already lower-cased. */
    protected abstract boolean matches(R row, String needle);

    protected abstract void fill(R row);

    protected abstract void clearForm();

    protected abstract Optional<String> firstProblem();

    /** The version stored for {@code row}, as Undo saves it back. */
    protected abstract V version(R row);

    /** The version the form holds, with the id of the selected row (0 for a new one). */
    protected abstract V fromForm(long id);

    /** Saves a version; runs in the background, returns the id saved. */
    protected abstract long save(Session session, V version);

    protected static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }

    public ObservableList<R> rows() {
        return shown;
    }

    public StringProperty searchProperty() {
        return search;
    }

    protected ObjectProperty<Predicate<R>> extraFilterProperty() {
        return extraFilter;
    }

    public ReadOnlyObjectProperty<R> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** Whether this user may change what the tab lists; the service decides the same. */
    public boolean editable() {
        return owner.editable();
    }

    /** The user chose a row in the list (null: none); the form shows it. */
    public void select(R row) {
        if (replacing || row == selected.get()) {
            return;
        }
        selected.set(row);
        revert();
    }

    /** Clears the selection and the form for a new record. */
    public void newRecord() {
        selected.set(null);
        revert();
    }

    /** Puts back what is stored for the selected row, or an empty form. */
    public void revert() {
        filling = true;
        try {
            if (selected.get() == null) {
                clearForm();
            } else {
                fill(selected.get());
            }
        } finally {
            filling = false;
        }
        dirty.set(false);
    }

    public void save() {
        if (!canSave.get()) {
            return;
        }
        var current = selected.get();
        var version = fromForm(current == null ? 0 : id(current));
        var previous = current == null ? null : version(current);
        store(version, previous, "people.saved");
    }

    /** Saves back the version the last save replaced. */
    public void undo() {
        if (undoVersion == null || !editable() || owner.work().busyProperty().get()) {
            return;
        }
        var version = undoVersion;
        store(version, null, "people.undone");
    }

    private void store(V version, V previous, String doneKey) {
        owner.run(session -> save(session, version), id -> {
            undoVersion = previous;
            canUndo.set(previous != null);
            owner.reload(() -> {
                rows.stream().filter(row -> id(row) == id).findFirst().ifPresent(selected::set);
                revert();
                owner.tell(doneKey);
            });
        });
    }

    /** New lists from the store; the selection follows its record. */
    void replaceRows(List<R> fresh) {
        var selectedId = selected.get() == null ? null : id(selected.get());
        replacing = true;
        try {
            rows.setAll(fresh);
            selected.set(selectedId == null ? null
                    : fresh.stream().filter(row -> id(row) == selectedId).findFirst().orElse(null));
        } finally {
            replacing = false;
        }
        if (!dirty.get()) {
            revert();
        }
    }

    /** Sets form fields without marking the form changed. */
    protected final void quietly(Runnable change) {
        var was = filling;
        filling = true;
        try {
            change.run();
        } finally {
            filling = was;
        }
    }
}
