package org.kora.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kora.cli.Backend;
import org.kora.cli.KoraCommand;
import org.kora.domain.Language;
import org.kora.service.Services;

/** The window's fast path reads the arguments exactly as the command line would, or leaves them to it. */
class WindowArgumentsTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "--db|a.mv.db", "--db=a.mv.db", "--lang|zh", "--lang=EN", "--db|a.mv.db|--lang|en",
        "--lang|zh|--db|/tmp/x y.mv.db", "/home/hr/kora-2026-11-23-090000.korabackup",
        "--db|a.mv.db|/tmp/x y.KORABACKUP", "old.zip|--lang|zh"})
    void opensTheWindowAsTheCommandLineWould(String line) {
        var args = split(line);

        var fast = WindowArguments.parse(args);

        assertThat(fast).isPresent();
        assertThat(fast).isEqualTo(commandLineWindow(args));
    }

    @Test
    void aDoubleClickedBackupOpensTheWindowOfferingIt() {
        assertThat(WindowArguments.parse(new String[] {"/home/hr/kora-2026-11-23-090000.korabackup"}))
                .contains(new WindowArguments(null, null, Path.of("/home/hr/kora-2026-11-23-090000.korabackup")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "--version", "-h", "demo", "--db|a.mv.db|demo", "--lang|fr", "--lang", "--db",
        "--db|a|--db|b", "--lang|zh|--lang|en", "--verbose", "--db|a.mv.db|extra", "check|plan.json",
        "notes.txt", "a.korabackup|b.korabackup", "demo|a.korabackup", "--lang|a.korabackup"})
    void leavesEverythingElseToTheCommandLine(String line) {
        var args = split(line);

        assertThat(WindowArguments.parse(args)).isEmpty();
        assertThat(commandLineWindow(args)).isEmpty();
    }

    /** The arguments of {@code line}, separated by "|" so that a path may hold a space. */
    private static String[] split(String line) {
        return line.isEmpty() ? new String[0] : line.split("\\|");
    }

    /** What the full command line does with {@code args}: the window it opens, if any. */
    private static Optional<WindowArguments> commandLineWindow(String[] args) {
        var opened = new ArrayList<WindowArguments>();
        var backend = new WindowOnly(opened);
        var commandLine = KoraCommand.commandLine(backend, "test");
        commandLine.setOut(new PrintWriter(new StringWriter()));
        commandLine.setErr(new PrintWriter(new StringWriter()));
        commandLine.execute(args);
        return opened.stream().findFirst();
    }

    private record WindowOnly(List<WindowArguments> opened) implements Backend {
        @Override
        public Language defaultLanguage() {
            return Language.EN;
        }

        @Override
        public Path defaultDatabase() {
            throw new IllegalStateException("no database here");
        }

        @Override
        public Path demoDatabase() {
            throw new IllegalStateException("no database here");
        }

        @Override
        public boolean isEncrypted(Path database) {
            throw new IllegalStateException("no database here");
        }

        @Override
        public Services open(Path database, char[] passphrase) {
            throw new IllegalStateException("no database here");
        }

        @Override
        public Services create(Path database, char[] passphrase) {
            throw new IllegalStateException("no database here");
        }

        @Override
        public void openWindow(Path database, Language language, Path backup) {
            opened.add(new WindowArguments(database, language, backup));
        }
    }
}
