package org.kora.ui.signoffs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.domain.SignOffLine;
import org.kora.report.PrintDocument;
import org.kora.service.Services;
import org.kora.store.AuditDao;
import org.kora.ui.PrintResources;
import org.kora.ui.SameThreadTaskExecutor;
import org.kora.ui.TestWorkspace;

class SignOffsViewModelTest {
    @TempDir
    Path folder;

    private final PrintResources prints = new PrintResources();
    private TestWorkspace workspace;
    private Services services;

    @BeforeEach
    void openTheDemo() {
        workspace = new TestWorkspace(folder);
        services = workspace.create(workspace.demoDatabase());
        services.demo().populate();
    }

    @AfterEach
    void tearDown() {
        workspace.close();
        prints.close();
    }

    private SignOffsViewModel open(String user) {
        var session = services.auth().signIn(user, "demo".toCharArray());
        var viewModel = new SignOffsViewModel(services.signOffs(), services.audit(), session, new SameThreadTaskExecutor(),
                new Messages(Language.EN), prints, Clock.systemDefaultZone());
        viewModel.load();
        return viewModel;
    }

    @Test
    void aMentorSeesTheirMenteeChosenWithTheFormReadyForToday() {
        var viewModel = open("mentor");

        assertThat(viewModel.canSign()).isTrue();
        assertThat(viewModel.trainees()).isNotEmpty();
        assertThat(viewModel.recordProperty().get()).isNotNull();
        assertThat(viewModel.competencyProperty().get()).isEqualTo(viewModel.competencies().get(0));
        assertThat(viewModel.levelProperty().get()).isEqualTo(viewModel.competencies().get(0).achievedLevel());
        assertThat(viewModel.performedOnProperty().get()).isEqualTo(LocalDate.now());
        assertThat(viewModel.signableProperty().get()).isTrue();
    }

    @Test
    void signingAddsTheEntryCountsItAndSaysSo() {
        var viewModel = open("mentor");
        var entries = viewModel.lines().size();
        var done = viewModel.progress().get(0).done();
        viewModel.countProperty().set(2);
        viewModel.caseReferenceProperty().set("ZY2026-0117");

        viewModel.sign("demo".toCharArray());

        assertThat(viewModel.lines()).hasSize(entries + 1);
        assertThat(viewModel.lines().get(0).entry().count()).isEqualTo(2);
        assertThat(viewModel.progress().get(0).done()).isEqualTo(done + 2);
        assertThat(viewModel.work().statusProperty().get()).startsWith("Saved: sign-off no. " + viewModel.lines().get(0).entry().id());
        assertThat(viewModel.countProperty().get()).as("the entry's fields are cleared for the next").isEqualTo(1);
        assertThat(viewModel.caseReferenceProperty().get()).isEmpty();
    }

    @Test
    void aWrongPasswordIsSaidBesideTheFormAndNothingIsSigned() {
        var viewModel = open("mentor");
        var entries = viewModel.lines().size();

        viewModel.sign("guess".toCharArray());

        assertThat(viewModel.formErrorProperty().get()).contains("password is not correct");
        assertThat(viewModel.lines()).hasSize(entries);
    }

    @Test
    void anAmendmentStrikesTheOriginalAndCountsTheCorrection() {
        var viewModel = open("mentor");
        viewModel.countProperty().set(5);
        viewModel.sign("demo".toCharArray());
        var original = viewModel.lines().get(0);
        var done = viewModel.progress().get(0).done();

        viewModel.startAmend(original);
        assertThat(viewModel.countProperty().get()).isEqualTo(5);
        viewModel.countProperty().set(1);
        viewModel.reasonProperty().set("typed 5 for 1");
        viewModel.sign("demo".toCharArray());

        assertThat(viewModel.amendingProperty().get()).isNull();
        assertThat(viewModel.lines().get(0).entry().amendsId()).isEqualTo(original.entry().id());
        assertThat(viewModel.lines()).filteredOn(line -> line.entry().id() == original.entry().id())
                .singleElement().extracting(SignOffLine::amended).isEqualTo(true);
        assertThat(viewModel.progress().get(0).done()).isEqualTo(done - 4);
        assertThat(viewModel.note(viewModel.lines().get(0))).isEqualTo("Corrects no. " + original.entry().id() + ": typed 5 for 1");
    }

    @Test
    void anEntryAlreadyCorrectedCannotBeCorrectedAgain() {
        var viewModel = open("mentor");
        var corrected = viewModel.lines().stream().filter(SignOffLine::amended).findFirst();
        viewModel.sign("demo".toCharArray());
        var line = corrected.orElseGet(() -> {
            var first = viewModel.lines().get(0);
            viewModel.startAmend(first);
            viewModel.reasonProperty().set("again");
            viewModel.sign("demo".toCharArray());
            return viewModel.lines().stream().filter(l -> l.entry().id() == first.entry().id()).findFirst().orElseThrow();
        });

        viewModel.startAmend(line);

        assertThat(viewModel.amendingProperty().get()).isNull();
        assertThat(viewModel.formErrorProperty().get()).contains("already been amended");
    }

    @Test
    void aCaseReferenceThatLooksLikeANameIsFlagged() {
        var viewModel = open("mentor");

        viewModel.caseReferenceProperty().set("王秀英");
        assertThat(viewModel.caseLooksLikeNameProperty().get()).isTrue();
        viewModel.caseReferenceProperty().set("住院号 2026-0117");
        assertThat(viewModel.caseLooksLikeNameProperty().get()).isFalse();
    }

    @Test
    void aManagerReadsEveryoneFindsByNameAndPrintsTheRecordButCannotSign() {
        var viewModel = open("manager");
        var all = viewModel.trainees().size();
        var someone = viewModel.trainees().get(all / 2);

        viewModel.searchProperty().set(someone.name());
        viewModel.chosenProperty().set(viewModel.trainees().get(0));
        viewModel.layOut();

        assertThat(viewModel.canSign()).isFalse();
        assertThat(viewModel.signableProperty().get()).isFalse();
        assertThat(viewModel.trainees()).hasSizeLessThan(all).contains(someone);
        PrintDocument record = viewModel.documentProperty().get();
        assertThat(record).isNotNull();
        assertThat(viewModel.pdfFileName()).isEqualTo("record-" + viewModel.trainees().get(0).name() + ".pdf");
    }

    @Test
    void theCertificateIsPrintedOnlyForATraineeWhoAchievedEverything() {
        var viewModel = open("manager");
        var complete = viewModel.trainees().stream().filter(t -> t.progress().complete()).findFirst().orElseThrow();
        var incomplete = viewModel.trainees().stream().filter(t -> !t.progress().complete()).findFirst().orElseThrow();
        viewModel.printKindProperty().set(SignOffsViewModel.PrintKind.CERTIFICATE);

        viewModel.chosenProperty().set(incomplete);
        viewModel.layOut();
        assertThat(viewModel.documentProperty().get()).isNull();
        assertThat(viewModel.work().errorProperty().get()).contains("a certificate is printed once every competency");

        viewModel.chosenProperty().set(complete);
        viewModel.layOut();
        assertThat(viewModel.documentProperty().get().pages()).hasSize(1);
        assertThat(viewModel.pdfFileName()).isEqualTo("certificate-" + complete.name() + ".pdf");
    }

    @Test
    void aMentorsExportMasksStaffNumbersAManagersDoesNot() throws IOException {
        var mentorFile = folder.resolve("mentor.csv");
        var managerFile = folder.resolve("manager.csv");
        var staffNo = open("mentor").trainees().get(0).staffNo();

        open("mentor").exportSignOffs(SignOffsViewModel.ExportKind.CSV, mentorFile);
        open("manager").exportSignOffs(SignOffsViewModel.ExportKind.CSV, managerFile);

        var masked = "*".repeat(staffNo.length());
        assertThat(Files.readString(mentorFile)).contains(masked).doesNotContain("," + staffNo + ",");
        assertThat(Files.readString(managerFile)).contains("," + staffNo + ",");
        assertThat(Files.readAllLines(managerFile).size()).isGreaterThan(Files.readAllLines(mentorFile).size());
    }

    @Test
    void theSignOffExportIsAuditedWithTheFile() {
        var file = folder.resolve("signoffs.csv");
        open("manager").exportSignOffs(SignOffsViewModel.ExportKind.CSV, file);
        var audit = services.store().inTransaction(tx -> tx.dao(AuditDao.class).list());
        var last = audit.get(audit.size() - 1);
        assertThat(last.username()).isEqualTo("manager");
        assertThat(last.action()).isEqualTo("EXPORTED");
        assertThat(last.detail()).isEqualTo("what=signoffs-csv file=" + file.toAbsolutePath());
    }
}
