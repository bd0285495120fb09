package org.kora;

import org.kora.app.Kora;

/** Kora's entry point: no arguments open the window; arguments run the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Kora.run(args));
    }
}
