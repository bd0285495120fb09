package org.kora.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Blackout;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.service.Services;
import org.kora.store.BehindKorasBack;
import org.kora.store.SignOffLedger;
import org.kora.ui.SameThreadTaskExecutor;
import org.kora.ui.TestWorkspace;

class SettingsViewModelTest {
    @TempDir
    Path folder;

    private TestWorkspace workspace;
    private Services services;
    private SettingsViewModel viewModel;

    @BeforeEach
    void openDemoAsAdministrator() {
        workspace = new TestWorkspace(folder);
        services = workspace.create(workspace.demoDatabase());
        services.demo().populate();
        viewModel = settings("admin");
        viewModel.load();
    }

    private SettingsViewModel settings(String username) {
        var session = services.auth().signIn(username, "demo".toCharArray());
        return new SettingsViewModel(services.blackouts(), services.audit(), session, new SameThreadTaskExecutor(),
                new Messages(Language.EN));
    }

    @AfterEach
    void tearDown() {
        workspace.close();
    }

    @Test
    void theDemoBlackoutsAreListedAndTheFestivalsAreCoveredAlready() {
        assertThat(viewModel.rows()).isNotEmpty().extracting(Blackout::label).anyMatch(label -> label.startsWith("春节"));

        viewModel.addFestivals();

        assertThat(viewModel.work().statusProperty().get()).isEqualTo("Every festival of the coming years is covered already.");
    }

    @Test
    void aBlackoutIsAddedChangedAndRemoved() {
        var before = viewModel.rows().size();
        viewModel.newBlackout();
        viewModel.fromProperty().set(LocalDate.of(2027, 8, 10));
        viewModel.save();
        assertThat(viewModel.formErrorProperty().get()).isEqualTo("Give the first day, the last day and a name.");

        viewModel.toProperty().set(LocalDate.of(2027, 8, 16));
        viewModel.labelProperty().set("雪顿节 2027");
        viewModel.save();

        assertThat(viewModel.formErrorProperty().get()).isEmpty();
        assertThat(viewModel.rows()).hasSize(before + 1);
        assertThat(viewModel.chosenProperty().get().label()).isEqualTo("雪顿节 2027");

        viewModel.toProperty().set(LocalDate.of(2027, 8, 20));
        viewModel.save();
        assertThat(viewModel.rows()).hasSize(before + 1).contains(viewModel.chosenProperty().get());
        assertThat(viewModel.chosenProperty().get().to()).isEqualTo(LocalDate.of(2027, 8, 20));
        assertThat(viewModel.removeQuestion()).contains("雪顿节 2027");

        viewModel.remove();

        assertThat(viewModel.rows()).hasSize(before);
        assertThat(viewModel.chosenProperty().get()).isNull();
        assertThat(viewModel.labelProperty().get()).isEmpty();
    }

    @Test
    void theAdministratorVerifiesTheIntactChainAndIsToldItsCountAndHead() {
        String head = services.store().inTransaction(SignOffLedger::head);
        assertThat(viewModel.mayVerifyChain()).isTrue();

        viewModel.verifyChain();

        assertThat(viewModel.chainIntactProperty().get()).matches("[\\d,]+ sign-offs, chain intact, head " + head);
        assertThat(viewModel.chainBrokenProperty().get()).isEmpty();
        assertThat(viewModel.verifyingProperty().get()).isFalse();
    }

    @Test
    void aSignOffEditedBehindKorasBackIsShownAsAnErrorNamingIt() throws SQLException {
        workspace.close();
        BehindKorasBack.execute(workspace.demoDatabase(), "DROP TRIGGER signoff_append_only",
                "UPDATE signoff SET comment = 'better' WHERE id = 7");
        services = workspace.open(workspace.demoDatabase());

        var reopened = settings("admin");
        reopened.verifyChain();

        assertThat(reopened.chainBrokenProperty().get()).startsWith("Sign-off 7: its stored content no longer matches "
                + "its hash").contains("Restore the latest backup");
        assertThat(reopened.chainIntactProperty().get()).isEmpty();
    }

    @Test
    void whoMayNotVerifyIsNotOfferedTheCheck() {
        assertThat(settings("manager").mayVerifyChain()).isFalse();
    }
}
