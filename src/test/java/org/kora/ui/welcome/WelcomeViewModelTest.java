package org.kora.ui.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.ui.RecordingNavigator;
import org.kora.ui.SameThreadTaskExecutor;
import org.kora.ui.TestWorkspace;

class WelcomeViewModelTest {
    @TempDir
    Path folder;

    private TestWorkspace workspace;
    private final RecordingNavigator navigator = new RecordingNavigator();
    private WelcomeViewModel viewModel;

    @BeforeEach
    void setUp() {
        workspace = new TestWorkspace(folder);
        viewModel = new WelcomeViewModel(workspace, navigator, new SameThreadTaskExecutor(),
                new Messages(Language.EN), null);
    }

    @AfterEach
    void tearDown() {
        workspace.close();
    }

    @Test
    void createIsDisabledUntilEveryFieldIsValid() {
        assertThat(viewModel.canCreateProperty().get()).isFalse();
        fill("admin", "Dawa", "long-enough", "long-enough");
        assertThat(viewModel.canCreateProperty().get()).isTrue();
        viewModel.passwordRepeatProperty().set("different!");
        assertThat(viewModel.canCreateProperty().get()).isFalse();
        assertThat(viewModel.passwordRepeatProblem()).contains("The two passwords differ.");
    }

    @Test
    void shortPasswordIsExplainedInTheUsersLanguage() {
        var chinese = new WelcomeViewModel(workspace, navigator, new SameThreadTaskExecutor(),
                new Messages(Language.ZH), null);
        chinese.passwordProperty().set("short");
        assertThat(chinese.passwordProblem()).contains("密码至少 8 个字符。");
    }

    @Test
    void newDatabaseSignsInItsAdministrator() {
        fill("admin", "Dawa Tsering", "long-enough", "long-enough");
        viewModel.createDatabase();
        assertThat(navigator.calls).containsExactly("main admin");
        assertThat(Files.exists(workspace.defaultDatabase())).isTrue();
    }

    @Test
    void existingFileIsNotOverwritten() throws Exception {
        Files.writeString(workspace.defaultDatabase(), "someone else's file");
        fill("admin", "Dawa Tsering", "long-enough", "long-enough");
        viewModel.createDatabase();
        assertThat(navigator.calls).isEmpty();
        assertThat(viewModel.work().errorProperty().get()).contains("A database already exists at");
        assertThat(Files.readString(workspace.defaultDatabase())).isEqualTo("someone else's file");
        assertThat(viewModel.work().busyProperty().get()).isFalse();
    }

    @Test
    void demoIsCreatedThenShownForSignIn() {
        viewModel.openDemo();
        assertThat(navigator.calls).containsExactly("login " + workspace.demoDatabase());
        assertThat(Files.exists(workspace.demoDatabase())).isTrue();
    }

    @Test
    void choosingTheOtherLanguageAsksTheNavigator() {
        viewModel.chooseLanguage(Language.ZH);
        viewModel.chooseLanguage(Language.EN);
        assertThat(navigator.calls).containsExactly("language zh");
    }

    private void fill(String username, String displayName, String password, String repeat) {
        viewModel.usernameProperty().set(username);
        viewModel.displayNameProperty().set(displayName);
        viewModel.passwordProperty().set(password);
        viewModel.passwordRepeatProperty().set(repeat);
    }
}
