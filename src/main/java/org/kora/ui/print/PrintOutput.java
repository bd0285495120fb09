package org.kora.ui.print;

import java.nio.file.Path;

import org.kora.domain.Messages;
import org.kora.report.PdfPainter;
import org.kora.report.PrintDocument;
import org.kora.service.AuditService;
import org.kora.service.Session;
import org.kora.ui.PrintResources;
import org.kora.ui.TaskExecutor;
import org.kora.ui.WorkStatus;

/**
 * Where a screen's laid-out print goes, for every {@link Printable} alike: written as a PDF file,
 * or recorded once the printer has it; off the JavaFX thread, each written to the audit log and
 * said in the screen's status line.
 */
public final class PrintOutput {
    private final AuditService audit;
    private final Session session;
    private final TaskExecutor executor;
    private final PrintResources prints;
    private final Messages messages;
    private final WorkStatus work;

    public PrintOutput(AuditService audit, Session session, TaskExecutor executor, PrintResources prints,
                       Messages messages, WorkStatus work) {
        this.audit = audit;
        this.session = session;
        this.executor = executor;
        this.prints = prints;
        this.messages = messages;
        this.work = work;
    }

    /** Writes {@code laidOut} (nothing if null) as a PDF file; {@code what} names the print in the audit log. */
    public void savePdf(PrintDocument laidOut, Path file, String what) {
        if (laidOut == null) {
            return;
        }
        work.run(executor, "print.saving", () -> {
            new PdfPainter(prints.fonts()).write(laidOut, file);
            audit.recordExport(session, what + "-pdf", file);
            return file;
        }, saved -> work.say(messages.format("print.saved", saved.toString())));
    }

    /** Records that {@code pages} pages of the print {@code what} went to the printer. */
    public void printed(int pages, String what) {
        work.run(executor, "print.recording", () -> {
            audit.recordPrint(session, what, pages);
            return pages;
        }, sent -> work.say(messages.format("print.sent", sent)));
    }
}
