package org.kora.cli;

import org.kora.domain.Messages;

/** The password of a command-line user: from the KORA_PASSWORD variable, else asked on the terminal. */
final class Credentials {
    static final String PASSWORD_VARIABLE = "KORA_PASSWORD";

    private Credentials() {
    }

    /** The password, or null if there is neither the variable nor a terminal; the caller clears it after use. */
    static char[] password(Backend backend, Messages messages, String user) {
        var variable = backend.environment(PASSWORD_VARIABLE);
        if (variable != null) {
            return variable.toCharArray();
        }
        var console = System.console();
        return console == null ? null : console.readPassword("%s", messages.format("cli.import.password", user));
    }
}
