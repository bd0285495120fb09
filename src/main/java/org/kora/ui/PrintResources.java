package org.kora.ui;

import org.kora.report.FontFiles;
import org.kora.report.PrintFonts;

/**
 * The window's print fonts: found and read on first use (ADR 12), shared by every screen that
 * prints, and closed with the window. Thread-safe, since layouts are made off the JavaFX thread.
 */
public final class PrintResources implements AutoCloseable {
    private FontFiles files;
    private PrintFonts fonts;

    /** The two font files; a {@code KoraException} says which is missing and where it was looked for. */
    public synchronized FontFiles files() {
        if (files == null) {
            files = FontFiles.find();
        }
        return files;
    }

    /** The fonts, read from {@link #files()} the first time. */
    public synchronized PrintFonts fonts() {
        if (fonts == null) {
            fonts = PrintFonts.load(files());
        }
        return fonts;
    }

    @Override
    public synchronized void close() {
        if (fonts != null) {
            fonts.close();
            fonts = null;
        }
    }
}
