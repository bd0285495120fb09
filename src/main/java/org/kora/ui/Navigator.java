package org.kora.ui;

import java.nio.file.Path;

import org.kora.domain.Language;
import org.kora.service.Session;

/** Moves the window between its screens; the composition root implements it. */
public interface Navigator {
    /** The first-start screen; {@code newDatabase} pre-fills the file of a database to create, or is null. */
    void showWelcome(Path newDatabase);

    /** The sign-in screen of {@code database}, which it opens in the background. */
    void showLogin(Path database);

    /** The main window, for a signed-in user. */
    void showMain(Session session);

    /** Shows every screen in {@code language} from now on and remembers the choice. */
    void switchLanguage(Language language);
}
