package org.kora.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.kora.domain.BlockKind;
import org.kora.domain.CalendarEntry;
import org.kora.domain.KoraException;
import org.kora.domain.Messages;

/**
 * The rotation calendar as an iCalendar file (.ics, RFC 5545, UTF-8), worded in the language of the
 * {@link Messages} given: one all-day event per block, from its first day to the day after its last
 * ({@code DTEND} is exclusive). The summary names the trainee and the partner department (off site)
 * or the mentor (on site); the description the cohort and the home department. A confirmed rotation's
 * events are {@code CONFIRMED}, others {@code TENTATIVE}; all are transparent, so that a three-month
 * block does not show its people as busy for three months.
 *
 * <p>Each event's {@code UID} is {@code R<rotation>-<OFF_SITE|ON_SITE>-<token>@kora}, where the token
 * is stable for one database: exporting again gives the same UIDs, so that a calendar program
 * updates the events it has instead of adding copies.
 *
 * <p>Whose calendar it is comes from a {@link BlockSelection}: pass the rotations at hand (for
 * instance those the calendar screen shows) and {@code BlockSelection.ofMentor(id)} for a mentor's
 * file, {@code ofTrainee}, {@code ofCohort}, or {@code all()}.
 */
public final class IcsCalendarExport {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]+");

    private final Messages messages;
    private final String databaseToken;
    private final Clock clock;

    /**
     * @param databaseToken stable for one database, made of letters, digits, {@code .}, {@code _} and {@code -}
     * @param clock gives the time of the export ({@code DTSTAMP})
     */
    public IcsCalendarExport(Messages messages, String databaseToken, Clock clock) {
        if (databaseToken == null || !TOKEN.matcher(databaseToken).matches()) {
            throw new IllegalArgumentException("a database token is letters, digits, '.', '_' or '-', not " + databaseToken);
        }
        this.messages = Objects.requireNonNull(messages, "messages");
        this.databaseToken = databaseToken;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes the selected blocks of {@code entries} to {@code out}, which is left open.
     *
     * @throws KoraException when no planned block is selected (a calendar file needs at least one event)
     * @throws IOException when {@code out} fails
     */
    public void write(List<CalendarEntry> entries, BlockSelection selection, OutputStream out) throws IOException {
        out.write(content(entries, selection));
        out.flush();
    }

    /**
     * Writes the selected blocks of {@code entries} to {@code file}, whole or not at all.
     *
     * @throws KoraException when no planned block is selected, or the file cannot be written; it is
     *                       then left as it was
     */
    public void write(List<CalendarEntry> entries, BlockSelection selection, Path file) {
        var content = content(entries, selection);
        ExportFile.write(file, out -> out.write(content));
    }

    private byte[] content(List<CalendarEntry> entries, BlockSelection selection) {
        return ContentLines.fold(calendar(entries, selection).toString()).getBytes(StandardCharsets.UTF_8);
    }

    private Calendar calendar(List<CalendarEntry> entries, BlockSelection selection) {
        var calendar = new Calendar();
        calendar.add(new ProdId("-//Kora//Rotation calendar//" + messages.language().code().toUpperCase(Locale.ROOT)));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        var stamp = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        entries.stream().flatMap(entry -> CalendarBlock.of(entry).stream()).filter(selection::includes)
                .forEach(block -> calendar.add(event(block, stamp)));
        if (calendar.getComponents().isEmpty()) {
            throw new KoraException("export.ics.nothing");
        }
        return calendar;
    }

    private VEvent event(CalendarBlock block, Instant stamp) {
        var entry = block.entry();
        var event = new VEvent(false);
        event.add(new Uid("R" + entry.rotationId() + "-" + block.kind().name() + "-" + databaseToken + "@kora"));
        event.add(new DtStamp(stamp));
        event.add(new DtStart<>(block.dates().from()));
        event.add(new DtEnd<>(block.dates().to().plusDays(1)));
        event.add(new Summary(block.kind() == BlockKind.OFF_SITE
                ? messages.format("export.ics.offSite", entry.traineeName(), entry.hostDepartmentName(),
                        entry.hostHospitalName())
                : messages.format("export.ics.onSite", entry.traineeName(), block.counterpart(messages))));
        event.add(new Description(messages.format("export.ics.description", entry.cohortName(),
                entry.homeDepartmentName(), entry.homeHospitalName())));
        event.add(entry.confirmed() ? ImmutableStatus.VEVENT_CONFIRMED : ImmutableStatus.VEVENT_TENTATIVE);
        event.add(ImmutableTransp.TRANSPARENT);
        return event;
    }
}
