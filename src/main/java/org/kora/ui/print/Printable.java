package org.kora.ui.print;

import java.nio.file.Path;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;

import org.kora.domain.Messages;
import org.kora.report.Paper;
import org.kora.report.PrintDocument;
import org.kora.ui.PrintResources;
import org.kora.ui.WorkStatus;

/**
 * What a screen's view model offers the {@link PrintPreview}: the laid-out document of its chosen
 * print on the chosen paper, laid out anew on request, and saving it as PDF. What to print (the
 * calendar's kinds and months, a record or a certificate) is the screen's own choice.
 */
public interface Printable {
    Messages messages();

    WorkStatus work();

    PrintResources prints();

    ObjectProperty<Paper> paperProperty();

    /** The print as last laid out; null while none is. */
    ReadOnlyObjectProperty<PrintDocument> documentProperty();

    /** Lays out the chosen print on the chosen paper, off the JavaFX thread, into {@link #documentProperty()}. */
    void layOut();

    /** The name a save dialog suggests for the PDF of the chosen print: "record-卓玛.pdf". */
    String pdfFileName();

    /** Writes the laid-out document as a PDF file, off the JavaFX thread; the export is audited. */
    void savePdf(Path file);

    /** The laid-out document went to the printer, {@code pages} pages: audits it and says so. */
    void printed(int pages);
}
