package org.kora.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.store.SecondProgram;
import org.kora.ui.RecordingNavigator;
import org.kora.ui.SameThreadTaskExecutor;
import org.kora.ui.TestWorkspace;

class LoginViewModelTest {
    @TempDir
    Path folder;

    private TestWorkspace workspace;
    private final RecordingNavigator navigator = new RecordingNavigator();

    @BeforeEach
    void setUp() {
        workspace = new TestWorkspace(folder);
        workspace.create(workspace.defaultDatabase()).auth()
                .createFirstAdministrator("admin", "Dawa Tsering", "long-enough".toCharArray());
    }

    @AfterEach
    void tearDown() {
        workspace.close();
    }

    private LoginViewModel login(Path database, Language language) {
        var viewModel = new LoginViewModel(workspace, navigator, new SameThreadTaskExecutor(),
                new Messages(language), database);
        viewModel.openDatabase();
        return viewModel;
    }

    @Test
    void rightPasswordOpensTheMainWindow() {
        var viewModel = login(workspace.defaultDatabase(), Language.EN);
        viewModel.usernameProperty().set("admin");
        viewModel.passwordProperty().set("long-enough");
        viewModel.signIn();
        assertThat(navigator.calls).containsExactly("main admin");
        assertThat(viewModel.passwordProperty().get()).isEmpty();
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameMessage() {
        var viewModel = login(workspace.defaultDatabase(), Language.EN);
        viewModel.usernameProperty().set("admin");
        viewModel.passwordProperty().set("wrong-password");
        viewModel.signIn();
        var wrongPassword = viewModel.work().errorProperty().get();
        viewModel.usernameProperty().set("nobody");
        viewModel.passwordProperty().set("long-enough");
        viewModel.signIn();
        assertThat(viewModel.work().errorProperty().get()).isEqualTo(wrongPassword).isEqualTo("Wrong user name or password.");
        assertThat(navigator.calls).isEmpty();
        assertThat(viewModel.passwordProperty().get()).isEmpty();
    }

    @Test
    void signingInBeforeTheDatabaseIsOpenSignsInOnceItIs() {
        var viewModel = new LoginViewModel(workspace, navigator, new SameThreadTaskExecutor(),
                new Messages(Language.EN), workspace.defaultDatabase());
        viewModel.usernameProperty().set("admin");
        viewModel.passwordProperty().set("long-enough");
        assertThat(viewModel.canSignInProperty().get()).isTrue();

        viewModel.signIn();

        assertThat(viewModel.work().statusProperty().get()).isEqualTo("Signing in as soon as the database is open\u2026");
        assertThat(viewModel.canSignInProperty().get()).isFalse();
        assertThat(navigator.calls).isEmpty();
        viewModel.openDatabase();
        assertThat(navigator.calls).containsExactly("main admin");
    }

    @Test
    void aDatabaseThatCouldNotOpenIsTriedAgainOnSigningIn() throws IOException, InterruptedException {
        workspace.close();
        var holder = SecondProgram.holding(workspace.defaultDatabase());
        LoginViewModel viewModel;
        try {
            viewModel = login(workspace.defaultDatabase(), Language.EN);
            assertThat(viewModel.work().errorProperty().get()).contains("in use by another Kora window");
        } finally {
            assertThat(SecondProgram.release(holder)).isZero();
        }
        viewModel.usernameProperty().set("admin");
        viewModel.passwordProperty().set("long-enough");

        viewModel.signIn();

        assertThat(navigator.calls).containsExactly("main admin");
    }

    @Test
    void mistypedDatabasePathIsExplainedAndNothingIsCreated() {
        var missing = folder.resolve("typo").resolve("kora.mv.db");
        var viewModel = login(missing, Language.ZH);
        assertThat(viewModel.work().errorProperty().get()).startsWith(missing.toString()).contains("没有 Kora 数据库");
        assertThat(missing.getParent()).doesNotExist();
        assertThat(viewModel.canSignInProperty().get()).isFalse();
    }
}
