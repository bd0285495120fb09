package org.kora.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.kora.domain.Language;
import org.kora.service.Session;

/** A {@link Navigator} that remembers where it was sent. */
public final class RecordingNavigator implements Navigator {
    public final List<String> calls = new ArrayList<>();
    public Session session;

    @Override
    public void showWelcome(Path newDatabase) {
        calls.add("welcome " + newDatabase);
    }

    @Override
    public void showLogin(Path database) {
        calls.add("login " + database);
    }

    @Override
    public void showMain(Session signedIn) {
        session = signedIn;
        calls.add("main " + signedIn.user().username());
    }

    @Override
    public void switchLanguage(Language language) {
        calls.add("language " + language.code());
    }
}
