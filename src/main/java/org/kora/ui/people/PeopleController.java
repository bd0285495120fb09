package org.kora.ui.people;

import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.kora.domain.Competency;
import org.kora.domain.HospitalKind;
import org.kora.domain.Profession;
import org.kora.domain.SignOffLevel;
import org.kora.service.DepartmentRow;
import org.kora.service.HospitalRow;
import org.kora.service.ImportKind;
import org.kora.service.MentorRow;
import org.kora.service.TraineeRow;
import org.kora.ui.Choice;
import org.kora.ui.Dialogs;
import org.kora.ui.TextCells;

/**
 * Binds the People screen to its view model: tabs of list, search and form; keys Ctrl+F
 * (search), Ctrl+N (new), Ctrl+S or Enter in a field (save), Escape (put back what is stored),
 * Ctrl+Z (undo the last save).
 */
public final class PeopleController {
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination CANCEL = new KeyCodeCombination(KeyCode.ESCAPE);

    private final PeopleViewModel viewModel;
    private final Dialogs dialogs;

    @FXML private VBox peopleRoot;
    @FXML private Label peopleReadOnly;
    @FXML private TabPane peopleTabs;
    @FXML private ProgressIndicator peopleBusy;
    @FXML private Label peopleStatus;
    @FXML private Label peopleError;

    @FXML private Tab traineeTab;
    @FXML private TextField traineeSearch;
    @FXML private ComboBox<Choice> traineeHospitalFilter;
    @FXML private ComboBox<Choice> traineeDepartmentFilter;
    @FXML private TableView<TraineeRow> traineeTable;
    @FXML private TableColumn<TraineeRow, String> traineeNameColumn;
    @FXML private TableColumn<TraineeRow, String> traineeStaffNoColumn;
    @FXML private TableColumn<TraineeRow, String> traineeHospitalColumn;
    @FXML private TableColumn<TraineeRow, String> traineeDepartmentColumn;
    @FXML private TableColumn<TraineeRow, String> traineeProfessionColumn;
    @FXML private TableColumn<TraineeRow, String> traineeTitleColumn;
    @FXML private VBox traineeForm;
    @FXML private ComboBox<Choice> traineeHospital;
    @FXML private ComboBox<Choice> traineeDepartment;
    @FXML private TextField traineeStaffNo;
    @FXML private TextField traineeName;
    @FXML private ComboBox<Profession> traineeProfession;
    @FXML private TextField traineeTitle;
    @FXML private TextField traineePhone;
    @FXML private DatePicker traineeEarliestStart;
    @FXML private TextArea traineeNotes;
    @FXML private Button traineeSave;
    @FXML private Button traineeRevert;
    @FXML private Button traineeNew;
    @FXML private Button traineeUndo;

    @FXML private Tab mentorTab;
    @FXML private TextField mentorSearch;
    @FXML private TableView<MentorRow> mentorTable;
    @FXML private TableColumn<MentorRow, String> mentorNameColumn;
    @FXML private TableColumn<MentorRow, String> mentorStaffNoColumn;
    @FXML private TableColumn<MentorRow, String> mentorPartnerHospitalColumn;
    @FXML private TableColumn<MentorRow, String> mentorDepartmentColumn;
    @FXML private TableColumn<MentorRow, String> mentorCapacityColumn;
    @FXML private TableColumn<MentorRow, String> mentorDeploymentsColumn;
    @FXML private VBox mentorForm;
    @FXML private ComboBox<Choice> mentorPartnerHospital;
    @FXML private ComboBox<Choice> mentorDepartment;
    @FXML private TextField mentorStaffNo;
    @FXML private TextField mentorName;
    @FXML private TextField mentorCapacity;
    @FXML private TextArea mentorDeployments;
    @FXML private Button mentorSave;
    @FXML private Button mentorRevert;
    @FXML private Button mentorNew;
    @FXML private Button mentorUndo;

    @FXML private Tab departmentTab;
    @FXML private TextField departmentSearch;
    @FXML private TableView<DepartmentRow> departmentTable;
    @FXML private TableColumn<DepartmentRow, String> departmentHospitalColumn;
    @FXML private TableColumn<DepartmentRow, String> departmentNameColumn;
    @FXML private TableColumn<DepartmentRow, String> departmentKindColumn;
    @FXML private TableColumn<DepartmentRow, String> departmentFiguresColumn;
    @FXML private VBox departmentForm;
    @FXML private ComboBox<Choice> departmentHospital;
    @FXML private TextField departmentName;
    @FXML private TextField departmentHeadcount;
    @FXML private TextField departmentMinOnDuty;
    @FXML private TextField departmentCapacity;
    @FXML private Button departmentSave;
    @FXML private Button departmentRevert;
    @FXML private Button departmentNew;
    @FXML private Button departmentUndo;

    @FXML private Tab curriculumTab;
    @FXML private ComboBox<Choice> curriculumDepartment;
    @FXML private Button curriculumImport;
    @FXML private TableView<Competency> curriculumTable;
    @FXML private TableColumn<Competency, String> curriculumOrderColumn;
    @FXML private TableColumn<Competency, String> curriculumNameZhColumn;
    @FXML private TableColumn<Competency, String> curriculumNameEnColumn;
    @FXML private TableColumn<Competency, String> curriculumCategoryColumn;
    @FXML private TableColumn<Competency, String> curriculumRequiredColumn;
    @FXML private TableColumn<Competency, String> curriculumLevelColumn;
    @FXML private VBox curriculumForm;
    @FXML private TextField curriculumNameZh;
    @FXML private TextField curriculumNameEn;
    @FXML private TextField curriculumCategory;
    @FXML private TextField curriculumRequired;
    @FXML private ComboBox<SignOffLevel> curriculumLevel;
    @FXML private Button curriculumSave;
    @FXML private Button curriculumRevert;
    @FXML private Button curriculumNew;
    @FXML private Button curriculumMoveUp;
    @FXML private Button curriculumMoveDown;
    @FXML private Button curriculumRemove;
    @FXML private Button curriculumUndo;

    @FXML private Tab hospitalTab;
    @FXML private TextField hospitalSearch;
    @FXML private TableView<HospitalRow> hospitalTable;
    @FXML private TableColumn<HospitalRow, String> hospitalNameColumn;
    @FXML private TableColumn<HospitalRow, String> hospitalKindColumn;
    @FXML private TableColumn<HospitalRow, String> hospitalPartnersColumn;
    @FXML private VBox hospitalForm;
    @FXML private TextField hospitalName;
    @FXML private ComboBox<HospitalKind> hospitalKind;
    @FXML private Button hospitalSave;
    @FXML private Button hospitalRevert;
    @FXML private Button hospitalNew;
    @FXML private Button hospitalUndo;

    @FXML private Tab importTab;
    @FXML private ComboBox<ImportKind> importKind;
    @FXML private Button importChoose;
    @FXML private Label importFile;
    @FXML private Button importCheck;
    @FXML private Button importApply;
    @FXML private ProgressBar importProgress;
    @FXML private Button importCancel;
    @FXML private Label importSummary;
    @FXML private TableView<RosterImport.Issue> importIssues;
    @FXML private TableColumn<RosterImport.Issue, String> importLineColumn;
    @FXML private TableColumn<RosterImport.Issue, String> importColumnColumn;
    @FXML private TableColumn<RosterImport.Issue, String> importReasonColumn;

    public PeopleController(PeopleViewModel viewModel, Dialogs dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        peopleReadOnly.setText(viewModel.readOnlyNote());
        peopleReadOnly.setVisible(!viewModel.editable());
        peopleReadOnly.setManaged(!viewModel.editable());
        peopleBusy.visibleProperty().bind(viewModel.work().busyProperty());
        peopleStatus.textProperty().bind(viewModel.work().statusProperty());
        peopleError.textProperty().bind(viewModel.work().errorProperty());

        bindTrainees();
        bindMentors();
        bindDepartments();
        bindCurricula();
        bindHospitals();
        bindImport();
        for (var field : new TextInputControl[] {traineeName, traineeNotes, traineeTitle, mentorName, departmentName,
                hospitalName, curriculumNameZh, curriculumCategory}) {
            TextCells.script(field);
        }

        peopleRoot.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        viewModel.load();
    }

    private void bindTrainees() {
        var editor = viewModel.trainees();
        list(editor, traineeTable, traineeSearch);
        TextCells.column(traineeNameColumn, row -> row.trainee().name());
        TextCells.column(traineeStaffNoColumn, row -> row.trainee().staffNo());
        TextCells.column(traineeHospitalColumn, TraineeRow::hospitalName);
        TextCells.column(traineeDepartmentColumn, TraineeRow::departmentName);
        TextCells.column(traineeProfessionColumn, row -> viewModel.professionName(row.trainee().profession()));
        TextCells.column(traineeTitleColumn, row -> row.trainee().title());
        traineeHospitalFilter.setItems(editor.hospitalFilterChoices());
        traineeHospitalFilter.valueProperty().bindBidirectional(editor.hospitalFilterProperty());
        traineeDepartmentFilter.setItems(editor.departmentFilterChoices());
        traineeDepartmentFilter.valueProperty().bindBidirectional(editor.departmentFilterProperty());

        traineeHospital.setItems(editor.hospitalChoices());
        traineeHospital.valueProperty().bindBidirectional(editor.hospitalProperty());
        traineeDepartment.setItems(editor.departmentChoices());
        traineeDepartment.valueProperty().bindBidirectional(editor.departmentProperty());
        traineeStaffNo.textProperty().bindBidirectional(editor.staffNoProperty());
        traineeName.textProperty().bindBidirectional(editor.nameProperty());
        traineeProfession.getItems().setAll(editor.professions());
        traineeProfession.setConverter(TextCells.converter(viewModel::professionName));
        traineeProfession.valueProperty().bindBidirectional(editor.professionProperty());
        traineeTitle.textProperty().bindBidirectional(editor.titleProperty());
        traineePhone.textProperty().bindBidirectional(editor.phoneProperty());
        TextCells.dates(traineeEarliestStart);
        traineeEarliestStart.valueProperty().bindBidirectional(editor.earliestStartProperty());
        traineeNotes.textProperty().bindBidirectional(editor.notesProperty());

        var validation = form(editor, traineeForm, traineeSave, traineeRevert, traineeNew, traineeUndo,
                traineeStaffNo, traineeName, traineeTitle, traineePhone);
        validate(validation, traineeHospital, editor::hospitalProblem);
        validate(validation, traineeDepartment, editor::departmentProblem);
        validate(validation, traineeStaffNo, editor::staffNoProblem);
        validate(validation, traineeName, editor::nameProblem);
        validate(validation, traineeTitle, editor::titleProblem);
        validate(validation, traineePhone, editor::phoneProblem);
        validate(validation, traineeNotes, editor::notesProblem);
    }

    private void bindMentors() {
        var editor = viewModel.mentors();
        list(editor, mentorTable, mentorSearch);
        TextCells.column(mentorNameColumn, row -> row.mentor().name());
        TextCells.column(mentorStaffNoColumn, row -> row.mentor().staffNo());
        TextCells.column(mentorPartnerHospitalColumn, MentorRow::partnerHospitalName);
        TextCells.column(mentorDepartmentColumn, row -> row.departmentName() + " · " + row.homeHospitalName());
        TextCells.column(mentorCapacityColumn, row -> Integer.toString(row.mentor().capacity()));
        TextCells.column(mentorDeploymentsColumn, editor::deploymentSummary);

        mentorPartnerHospital.setItems(editor.partnerChoices());
        mentorPartnerHospital.valueProperty().bindBidirectional(editor.partnerHospitalProperty());
        mentorDepartment.setItems(editor.departmentChoices());
        mentorDepartment.valueProperty().bindBidirectional(editor.departmentProperty());
        mentorStaffNo.textProperty().bindBidirectional(editor.staffNoProperty());
        mentorName.textProperty().bindBidirectional(editor.nameProperty());
        mentorCapacity.textProperty().bindBidirectional(editor.capacityProperty());
        mentorDeployments.textProperty().bindBidirectional(editor.deploymentsProperty());

        var validation = form(editor, mentorForm, mentorSave, mentorRevert, mentorNew, mentorUndo,
                mentorStaffNo, mentorName, mentorCapacity);
        validate(validation, mentorPartnerHospital, editor::partnerHospitalProblem);
        validate(validation, mentorDepartment, editor::departmentProblem);
        validate(validation, mentorStaffNo, editor::staffNoProblem);
        validate(validation, mentorName, editor::nameProblem);
        validate(validation, mentorCapacity, editor::capacityProblem);
        validate(validation, mentorDeployments, editor::deploymentsProblem);
    }

    private void bindDepartments() {
        var editor = viewModel.departments();
        list(editor, departmentTable, departmentSearch);
        TextCells.column(departmentHospitalColumn, DepartmentRow::hospitalName);
        TextCells.column(departmentNameColumn, row -> row.department().name());
        TextCells.column(departmentKindColumn, row -> viewModel.kindName(row.department().kind()));
        TextCells.column(departmentFiguresColumn, editor::figures);

        departmentHospital.setItems(editor.hospitalChoices());
        departmentHospital.valueProperty().bindBidirectional(editor.hospitalProperty());
        departmentHospital.disableProperty().bind(editor.hospitalLockedProperty());
        departmentName.textProperty().bindBidirectional(editor.nameProperty());
        departmentHeadcount.textProperty().bindBidirectional(editor.headcountProperty());
        departmentMinOnDuty.textProperty().bindBidirectional(editor.minOnDutyProperty());
        departmentCapacity.textProperty().bindBidirectional(editor.capacityProperty());
        departmentHeadcount.disableProperty().bind(editor.homeProperty().not());
        departmentMinOnDuty.disableProperty().bind(editor.homeProperty().not());
        departmentCapacity.disableProperty().bind(editor.homeProperty());

        var validation = form(editor, departmentForm, departmentSave, departmentRevert, departmentNew, departmentUndo,
                departmentName, departmentHeadcount, departmentMinOnDuty, departmentCapacity);
        validate(validation, departmentHospital, editor::hospitalProblem);
        validate(validation, departmentName, editor::nameProblem);
        validate(validation, departmentHeadcount, editor::headcountProblem);
        validate(validation, departmentMinOnDuty, editor::minOnDutyProblem);
        validate(validation, departmentCapacity, editor::capacityProblem);
    }

    private void bindCurricula() {
        var editor = viewModel.curricula();
        curriculumTable.setItems(editor.rows());
        follow(editor, curriculumTable);
        TextCells.column(curriculumOrderColumn, row -> Integer.toString(curriculumTable.getItems().indexOf(row) + 1));
        TextCells.column(curriculumNameZhColumn, Competency::nameZh);
        TextCells.column(curriculumNameEnColumn, Competency::nameEn);
        TextCells.column(curriculumCategoryColumn, Competency::category);
        TextCells.column(curriculumRequiredColumn, row -> Integer.toString(row.requiredCount()));
        TextCells.column(curriculumLevelColumn, row -> editor.levelName(row.achievedLevel()));

        curriculumDepartment.setItems(editor.departmentChoices());
        curriculumDepartment.valueProperty().bindBidirectional(editor.departmentProperty());
        curriculumNameZh.textProperty().bindBidirectional(editor.nameZhProperty());
        curriculumNameEn.textProperty().bindBidirectional(editor.nameEnProperty());
        curriculumCategory.textProperty().bindBidirectional(editor.categoryProperty());
        curriculumRequired.textProperty().bindBidirectional(editor.requiredProperty());
        curriculumLevel.getItems().setAll(editor.levels());
        curriculumLevel.setConverter(TextCells.converter(editor::levelName));
        curriculumLevel.valueProperty().bindBidirectional(editor.levelProperty());

        var validation = form(editor, curriculumForm, curriculumSave, curriculumRevert, curriculumNew, curriculumUndo,
                curriculumNameZh, curriculumNameEn, curriculumCategory, curriculumRequired);
        validate(validation, curriculumNameZh, editor::nameZhProblem);
        validate(validation, curriculumNameEn, editor::nameEnProblem);
        validate(validation, curriculumCategory, editor::categoryProblem);
        validate(validation, curriculumRequired, editor::requiredProblem);
        validate(validation, curriculumLevel, editor::levelProblem);
        curriculumMoveUp.disableProperty().bind(editor.canMoveUpProperty().not());
        curriculumMoveUp.setOnAction(event -> editor.moveUp());
        curriculumMoveDown.disableProperty().bind(editor.canMoveDownProperty().not());
        curriculumMoveDown.setOnAction(event -> editor.moveDown());
        curriculumRemove.disableProperty().bind(editor.canRemoveProperty().not());
        curriculumRemove.setOnAction(event -> {
            if (dialogs.confirm(viewModel.messages().get("curricula.removeTitle"), editor.removeQuestion(),
                    viewModel.messages().get("curricula.action.remove"))) {
                editor.remove();
            }
        });
        curriculumImport.setVisible(editor.editable());
        curriculumImport.setManaged(editor.editable());
        curriculumImport.setOnAction(event -> {
            viewModel.roster().kindProperty().set(ImportKind.COMPETENCIES);
            peopleTabs.getSelectionModel().select(importTab);
            dialogs.chooseImportFile().ifPresent(chosen -> {
                viewModel.roster().fileProperty().set(chosen);
                viewModel.roster().check();
            });
        });
    }

    private void bindHospitals() {
        var editor = viewModel.hospitals();
        list(editor, hospitalTable, hospitalSearch);
        TextCells.column(hospitalNameColumn, row -> row.hospital().name());
        TextCells.column(hospitalKindColumn, row -> viewModel.kindName(row.hospital().kind()));
        TextCells.column(hospitalPartnersColumn, editor::partners);

        hospitalName.textProperty().bindBidirectional(editor.nameProperty());
        hospitalKind.getItems().setAll(editor.kinds());
        hospitalKind.setConverter(TextCells.converter(viewModel::kindName));
        hospitalKind.valueProperty().bindBidirectional(editor.kindProperty());
        hospitalKind.disableProperty().bind(editor.kindLockedProperty());

        var validation = form(editor, hospitalForm, hospitalSave, hospitalRevert, hospitalNew, hospitalUndo,
                hospitalName);
        validate(validation, hospitalName, editor::nameProblem);
    }

    private void bindImport() {
        if (!viewModel.editable()) {
            peopleTabs.getTabs().remove(importTab);
            return;
        }
        var roster = viewModel.roster();
        var progress = roster.progress();
        var running = progress.runningProperty();
        importKind.getItems().setAll(roster.kinds());
        importKind.setConverter(TextCells.converter(roster::kindName));
        importKind.valueProperty().bindBidirectional(roster.kindProperty());
        importKind.disableProperty().bind(running);
        importFile.textProperty().bind(Bindings.createStringBinding(() -> roster.fileProperty().get() == null ? ""
                : roster.fileProperty().get().toString(), roster.fileProperty()));
        importChoose.disableProperty().bind(running);
        importChoose.setOnAction(event -> dialogs.chooseImportFile().ifPresent(chosen -> {
            roster.fileProperty().set(chosen);
            roster.check();
        }));
        importCheck.disableProperty().bind(roster.fileProperty().isNull().or(running));
        importCheck.setOnAction(event -> roster.check());
        importApply.disableProperty().bind(roster.importableProperty().not().or(running));
        importApply.setOnAction(event -> roster.importFile());
        importProgress.progressProperty().bind(progress.fractionProperty());
        importProgress.visibleProperty().bind(running);
        importCancel.visibleProperty().bind(running);
        importCancel.setOnAction(event -> roster.cancel());
        importSummary.textProperty().bind(roster.summaryProperty());
        importIssues.setItems(roster.issues());
        TextCells.column(importLineColumn, RosterImport.Issue::line);
        TextCells.column(importColumnColumn, RosterImport.Issue::column);
        TextCells.column(importReasonColumn, RosterImport.Issue::reason);
    }

    /** The list: rows, search, and the selection kept the same in table and view model. */
    private static <R> void list(Editor<R, ?> editor, TableView<R> table, TextField search) {
        table.setItems(editor.rows());
        search.textProperty().bindBidirectional(editor.searchProperty());
        follow(editor, table);
    }

    /** The selection kept the same in table and view model. */
    private static <R> void follow(Editor<R, ?> editor, TableView<R> table) {
        table.getSelectionModel().selectedItemProperty().addListener((property, was, is) -> {
            if (is != null) {
                editor.select(is);
            }
        });
        editor.selectedProperty().addListener((property, was, is) -> {
            if (is == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != is) {
                table.getSelectionModel().select(is);
                table.scrollTo(is);
            }
        });
    }

    /** The form's buttons and Enter in its fields; a read-only user gets the form disabled. */
    private static ValidationSupport form(Editor<?, ?> editor, VBox form, Button save, Button revert, Button newRecord,
                                          Button undo, TextField... fields) {
        form.setDisable(!editor.editable());
        save.disableProperty().bind(editor.canSaveProperty().not());
        revert.disableProperty().bind(editor.dirtyProperty().not());
        undo.disableProperty().bind(editor.canUndoProperty().not());
        save.setOnAction(event -> editor.save());
        revert.setOnAction(event -> editor.revert());
        newRecord.setOnAction(event -> editor.newRecord());
        undo.setOnAction(event -> editor.undo());
        var validation = new ValidationSupport();
        // red marks only on a form the user has changed, not on a new, empty one
        validation.setErrorDecorationEnabled(false);
        editor.dirtyProperty().addListener((property, was, is) -> validation.setErrorDecorationEnabled(is));
        for (var field : fields) {
            field.setOnAction(event -> editor.save());
        }
        return validation;
    }

    private static void validate(ValidationSupport validation, Control control, Supplier<Optional<String>> problem) {
        validation.registerValidator(control, false, (Control target, Object value) ->
                ValidationResult.fromErrorIf(target, problem.get().orElse(""), problem.get().isPresent()));
    }


    private void shortcut(KeyEvent event) {
        var tab = peopleTabs.getSelectionModel().getSelectedItem();
        Editor<?, ?> editor;
        TextField search;
        Node first;
        if (tab == mentorTab) {
            editor = viewModel.mentors();
            search = mentorSearch;
            first = mentorStaffNo;
        } else if (tab == departmentTab) {
            editor = viewModel.departments();
            search = departmentSearch;
            first = departmentName;
        } else if (tab == curriculumTab) {
            editor = viewModel.curricula();
            search = null;
            first = curriculumNameZh;
        } else if (tab == hospitalTab) {
            editor = viewModel.hospitals();
            search = hospitalSearch;
            first = hospitalName;
        } else {
            editor = viewModel.trainees();
            search = traineeSearch;
            first = traineeStaffNo;
        }
        if (FIND.match(event) && search != null) {
            search.requestFocus();
            search.selectAll();
        } else if (NEW.match(event)) {
            editor.newRecord();
            first.requestFocus();
        } else if (SAVE.match(event)) {
            editor.save();
        } else if (UNDO.match(event) && editor.canUndoProperty().get()) {
            editor.undo();
        } else if (CANCEL.match(event) && editor.dirtyProperty().get()) {
            editor.revert();
        } else {
            return;
        }
        event.consume();
    }
}
