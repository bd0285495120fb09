package org.kora.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.store.DatabaseFile;
import org.kora.ui.RecordingNavigator;
import org.kora.ui.SameThreadTaskExecutor;
import org.kora.ui.TestWorkspace;
import org.kora.ui.welcome.WelcomeViewModel;

/** An encrypted database made on the welcome screen, then opened on the sign-in screen with its passphrase. */
class EncryptedSignInTest {
    private static final String PASSPHRASE = "prayer flags in the wind";

    @TempDir
    Path folder;

    private TestWorkspace workspace;
    private final RecordingNavigator navigator = new RecordingNavigator();
    private Path database;

    @BeforeEach
    void createEncrypted() {
        workspace = new TestWorkspace(folder);
        database = folder.resolve("secret.mv.db");
        var welcome = new WelcomeViewModel(workspace, navigator, new SameThreadTaskExecutor(), new Messages(Language.EN), database);
        welcome.usernameProperty().set("admin");
        welcome.displayNameProperty().set("Dawa Tsering");
        welcome.passwordProperty().set("long-enough");
        welcome.passwordRepeatProperty().set("long-enough");
        welcome.encryptProperty().set(true);
        welcome.passphraseProperty().set("too short");
        assertThat(welcome.canCreateProperty().get()).isFalse();
        assertThat(welcome.passphraseProblem()).contains("A passphrase needs at least 12 characters.");
        welcome.passphraseProperty().set(PASSPHRASE);
        welcome.passphraseRepeatProperty().set(PASSPHRASE + "!");
        assertThat(welcome.passphraseRepeatProblem()).contains("The two passphrases differ.");
        welcome.passphraseRepeatProperty().set(PASSPHRASE);
        assertThat(welcome.canCreateProperty().get()).isTrue();
        welcome.createDatabase();
        assertThat(navigator.calls).containsExactly("main admin");
        navigator.calls.clear();
        workspace.close();
    }

    @AfterEach
    void tearDown() {
        workspace.close();
    }

    private LoginViewModel login(Language language) {
        var viewModel = new LoginViewModel(workspace, navigator, new SameThreadTaskExecutor(), new Messages(language), database);
        viewModel.openDatabase();
        viewModel.usernameProperty().set("admin");
        viewModel.passwordProperty().set("long-enough");
        return viewModel;
    }

    @Test
    void welcomeScreenMadeAnEncryptedFileWithItsKeyFile() {
        var file = DatabaseFile.of(database);
        assertThat(file.isEncrypted()).isTrue();
        assertThat(Files.isRegularFile(file.keyFile())).isTrue();
    }

    @Test
    void signInWaitsForThePassphrase() {
        var viewModel = login(Language.EN);
        assertThat(viewModel.passphraseNeededProperty().get()).isTrue();
        assertThat(viewModel.servicesProperty().get()).isNull();
        assertThat(viewModel.canSignInProperty().get()).isFalse();
        viewModel.passphraseProperty().set(PASSPHRASE);
        assertThat(viewModel.canSignInProperty().get()).isTrue();
    }

    @Test
    void wrongPassphraseIsSaidAndTheRightOneSignsIn() {
        var viewModel = login(Language.EN);
        viewModel.passphraseProperty().set("prayer flags in the rain");
        viewModel.signIn();
        assertThat(viewModel.work().errorProperty().get()).isEqualTo("The passphrase is not correct.");
        assertThat(viewModel.passphraseProperty().get()).isEmpty();
        assertThat(navigator.calls).isEmpty();

        viewModel.passphraseProperty().set(PASSPHRASE);
        viewModel.passwordProperty().set("long-enough");
        viewModel.signIn();
        assertThat(navigator.calls).containsExactly("main admin");
    }

    @Test
    void wrongPassphraseIsSaidInChinese() {
        var viewModel = login(Language.ZH);
        viewModel.passphraseProperty().set("prayer flags in the rain");
        viewModel.signIn();
        assertThat(viewModel.work().errorProperty().get()).isEqualTo("密钥口令不正确。");
    }

    @Test
    void anEncryptedDemoGoesStraightToSignInForItsPassphrase() {
        var demo = workspace.demoDatabase();
        workspace.create(demo, PASSPHRASE.toCharArray());
        workspace.close();
        var welcome = new WelcomeViewModel(workspace, navigator, new SameThreadTaskExecutor(), new Messages(Language.EN), null);
        welcome.openDemo();
        assertThat(navigator.calls).containsExactly("login " + demo);
        assertThat(welcome.work().errorProperty().get()).isEmpty();
    }

    @Test
    void missingKeyFileIsSaidNotDamaged() throws Exception {
        Files.delete(DatabaseFile.of(database).keyFile());
        var viewModel = login(Language.EN);
        viewModel.passphraseProperty().set(PASSPHRASE);
        viewModel.signIn();
        assertThat(viewModel.work().errorProperty().get()).contains("is encrypted, and its key file")
                .contains("is missing").doesNotContain("damaged");
    }
}
