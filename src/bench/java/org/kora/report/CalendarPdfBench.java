package org.kora.report;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;

import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.slf4j.LoggerFactory;

/**
 * Measures the rotation calendar as PDF: {@code CalendarPdfBench TRAINEES REPEATS OUT.pdf}. Builds
 * TRAINEES synthetic rotations ({@link SampleEntries}: Chinese names, some Tibetan), lays out the
 * year 2027 on A4 landscape and writes the PDF, once cold, then REPEATS more times in the same JVM
 * (warm). Prints the time from the JVM's start, each step of the cold run (logging apart: the program
 * sets it up at start), the warm runs' median and best, and the bytes per page. Not a JMH benchmark:
 * the cold run is the point; time the whole process with {@code /usr/bin/time}.
 */
public final class CalendarPdfBench {
    private CalendarPdfBench() {
    }

    public static void main(String[] args) throws IOException {
        var trainees = Integer.parseInt(args[0]);
        var repeats = Integer.parseInt(args[1]);
        var out = Path.of(args[2]);
        var sinceJvmStart = ManagementFactory.getRuntimeMXBean().getUptime();
        // Kora sets its logging up when it starts; PDFBox logs through it, so it is timed apart
        var loggingStart = System.nanoTime();
        LoggerFactory.getLogger(CalendarPdfBench.class).debug("calendar PDF bench");
        var started = System.nanoTime();
        var entries = SampleEntries.of(trainees, 2027, 42);
        var options = new CalendarOptions(new PageSetup("2027年轮训日历", Paper.A4_LANDSCAPE, LocalDate.of(2026, 11, 23)),
                CalendarGrouping.COHORT, YearMonth.of(2027, 1), YearMonth.of(2027, 12));
        var messages = new Messages(Language.ZH);
        var entriesMade = System.nanoTime();
        try (var fonts = PrintFonts.load(FontFiles.find())) {
            var fontsLoaded = System.nanoTime();
            var layout = new RotationCalendarLayout(messages, fonts.measure());
            var painter = new PdfPainter(fonts);
            var document = layout.layout(entries, options);
            var laidOut = System.nanoTime();
            try (var file = Files.newOutputStream(out)) {
                painter.write(document, file);
            }
            var written = System.nanoTime();
            var pages = document.pages().size();
            System.out.printf("%,d trainees, %d pages, %,d bytes = %,.0f bytes per page%n", trainees, pages, Files.size(out),
                    Files.size(out) / (double) pages);
            System.out.printf("cold: JVM start to main %d ms, logging set up %d ms; entries made %d ms;"
                            + " print: fonts %d ms + layout %d ms + PDF %d ms = %d ms; JVM start to PDF written %d ms%n",
                    sinceJvmStart, millis(started - loggingStart), millis(entriesMade - started),
                    millis(fontsLoaded - entriesMade), millis(laidOut - fontsLoaded), millis(written - laidOut),
                    millis(written - entriesMade), ManagementFactory.getRuntimeMXBean().getUptime());
            var warm = new long[repeats];
            for (var i = 0; i < repeats; i++) {
                var start = System.nanoTime();
                painter.write(layout.layout(entries, options), OutputStream.nullOutputStream());
                warm[i] = System.nanoTime() - start;
            }
            if (repeats > 0) {
                Arrays.sort(warm);
                System.out.printf("warm (layout + PDF, %d runs): median %d ms, best %d ms%n", repeats,
                        millis(warm[repeats / 2]), millis(warm[0]));
            }
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
