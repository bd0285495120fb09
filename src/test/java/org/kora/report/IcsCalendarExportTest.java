package org.kora.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kora.report.Rotation.rotation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyContainer;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.util.Configurator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.CalendarEntry;
import org.kora.domain.KoraException;
import org.kora.domain.Language;
import org.kora.domain.Messages;

class IcsCalendarExportTest {
    private static final Messages ENGLISH = new Messages(Language.EN);
    private static final Instant NOW = Instant.parse("2026-11-23T09:15:30.250Z");
    private static final String TOKEN = "4f1c2a9e-db";

    @TempDir
    Path folder;

    @Test
    void eachBlockIsAnAllDayEventEndingTheDayAfterItsLastDay() throws Exception {
        var text = text(write(List.of(rotation(17).entry()), BlockSelection.all()));

        assertThat(text).contains("DTSTART;VALUE=DATE:20260301\r\n", "DTEND;VALUE=DATE:20260601\r\n",
                "DTSTART;VALUE=DATE:20260601\r\n", "DTEND;VALUE=DATE:20260901\r\n");
        var events = events(parse(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(events).hasSize(2);
        assertThat(events.get(0).getDateTimeStart().getDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(events.get(0).getDateTimeEnd().getDate()).isEqualTo(LocalDate.of(2026, 6, 1));
    }

    @Test
    void summaryNamesTheTraineeWithThePartnerDepartmentOrTheMentor() throws Exception {
        var events = events(parse(write(List.of(rotation(17).entry()), BlockSelection.all())));

        assertThat(events).extracting(event -> value(event, Property.SUMMARY)).containsExactly(
                "Tenzin Dolma: off site at Anaesthesiology, Ruijin Hospital", "Tenzin Dolma: on site with Wang Li");
        assertThat(value(events.get(0), Property.DESCRIPTION))
                .isEqualTo("Cohort: 2026 spring\nHome department: Anaesthesia, Lhasa People's Hospital");
    }

    @Test
    void textsFollowTheUsersLanguage() throws Exception {
        var export = new IcsCalendarExport(new Messages(Language.ZH), TOKEN, Clock.fixed(NOW, ZoneId.of("UTC")));
        var out = new ByteArrayOutputStream();
        export.write(List.of(rotation(17).trainee(1, "卓玛", "007").mentor(30L, "王力").entry()), BlockSelection.all(), out);

        var calendar = parse(out.toByteArray());

        assertThat(events(calendar)).extracting(event -> value(event, Property.SUMMARY))
                .containsExactly("卓玛：外出进修（Ruijin Hospital Anaesthesiology）", "卓玛：本院带教（带教专家 王力）");
        assertThat(value(calendar, Property.PRODID)).isEqualTo("-//Kora//Rotation calendar//ZH");
    }

    @Test
    void theFileIsValidICalendar() throws Exception {
        var calendar = parse(write(List.of(rotation(17).entry(), rotation(18).trainee(2, "Dawa", "102").entry()),
                BlockSelection.all()));

        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        assertThat(value(calendar, Property.VERSION)).isEqualTo("2.0");
        assertThat(value(calendar, Property.PRODID)).isEqualTo("-//Kora//Rotation calendar//EN");
        assertThat(events(calendar)).hasSize(4).allSatisfy(event -> {
            assertThat(event.validate().hasErrors()).isFalse();
            assertThat(value(event, Property.TRANSP)).isEqualTo("TRANSPARENT");
        });
    }

    @Test
    void uidsNameRotationBlockAndDatabaseAndStayTheSameInALaterExport() throws Exception {
        var entries = List.of(rotation(17).entry());
        var first = events(parse(write(entries, BlockSelection.all())));
        var later = new ByteArrayOutputStream();
        new IcsCalendarExport(ENGLISH, TOKEN, Clock.fixed(NOW.plusSeconds(86_400), ZoneId.of("UTC")))
                .write(entries, BlockSelection.all(), later);

        var uids = first.stream().map(event -> value(event, Property.UID)).toList();
        assertThat(uids).containsExactly("R17-OFF_SITE-4f1c2a9e-db@kora", "R17-ON_SITE-4f1c2a9e-db@kora");
        assertThat(events(parse(later.toByteArray()))).extracting(event -> value(event, Property.UID))
                .isEqualTo(uids);
    }

    @Test
    void theStampIsTheTimeOfTheExportInUtc() throws Exception {
        var text = text(write(List.of(rotation(17).entry()), BlockSelection.all()));

        assertThat(text).contains("DTSTAMP:20261123T091530Z\r\n");
    }

    @Test
    void confirmedRotationsAreConfirmedEventsAndOthersTentative() throws Exception {
        var events = events(parse(write(List.of(rotation(1).confirmed().entry(), rotation(2).entry()),
                BlockSelection.all())));

        assertThat(events).extracting(event -> value(event, Property.STATUS))
                .containsExactly("CONFIRMED", "CONFIRMED", "TENTATIVE", "TENTATIVE");
    }

    @Test
    void longChineseAndTibetanLinesAreFoldedAt75OctetsWithoutSplittingACharacter() throws Exception {
        var chinese = "阿旺晋美次仁多吉".repeat(6);
        var tibetan = "བསྟན་འཛིན་སྒྲོལ་མ་".repeat(5);
        var entries = List.of(rotation(1).trainee(1, chinese, "001").host("麻醉科".repeat(10), "上海交通大学医学院附属瑞金医院").entry(),
                rotation(2).trainee(2, tibetan, "002").mentor(31L, "ཚེ་རིང་".repeat(8)).entry());

        var bytes = write(entries, BlockSelection.all());

        var lines = lines(bytes);
        assertThat(lines).allSatisfy(line -> assertThat(line.length).isLessThanOrEqualTo(75));
        assertThat(lines).anySatisfy(line -> assertThat(line[0]).isEqualTo((byte) ' '));
        assertThat(lines).allSatisfy(line -> strictUtf8(line));
        assertThat(events(parse(bytes))).extracting(event -> value(event, Property.SUMMARY)).containsExactly(
                chinese + ": off site at " + "麻醉科".repeat(10) + ", 上海交通大学医学院附属瑞金医院",
                chinese + ": on site with Wang Li",
                tibetan + ": off site at Anaesthesiology, Ruijin Hospital",
                tibetan + ": on site with " + "ཚེ་རིང་".repeat(8));
    }

    @Test
    void commasSemicolonsAndBackslashesInNamesSurvive() throws Exception {
        var name = "Dorje, Tashi; \\ the \"younger\"";

        var events = events(parse(write(List.of(rotation(1).trainee(1, name, "001").entry()), BlockSelection.all())));

        assertThat(value(events.get(1), Property.SUMMARY)).isEqualTo(name + ": on site with Wang Li");
    }

    @Test
    void aMentorsCalendarHoldsOnlyTheOnSiteBlocksTheySupervise() throws Exception {
        var entries = List.of(rotation(1).mentor(30L, "Wang Li").entry(), rotation(2).mentor(31L, "Zhao Min").entry(),
                rotation(3).notPlanned().entry());

        var events = events(parse(write(entries, BlockSelection.ofMentor(30))));

        assertThat(events).extracting(event -> value(event, Property.UID)).containsExactly("R1-ON_SITE-" + TOKEN + "@kora");
    }

    @Test
    void aTraineesOrCohortsCalendarHoldsBothBlocksOfTheirRotations() throws Exception {
        var entries = List.of(rotation(1).trainee(1, "Pema", "101").cohort(1, "2026 spring").entry(),
                rotation(2).trainee(2, "Dawa", "102").cohort(2, "2027 autumn").entry(),
                rotation(3).trainee(3, "Chime", "103").cohort(2, "2027 autumn").entry());

        assertThat(events(parse(write(entries, BlockSelection.ofTrainee(2))))).extracting(event -> value(event, Property.UID))
                .containsExactly("R2-OFF_SITE-" + TOKEN + "@kora", "R2-ON_SITE-" + TOKEN + "@kora");
        assertThat(events(parse(write(entries, BlockSelection.ofCohort(2))))).hasSize(4);
    }

    @Test
    void aCalendarWithoutABlockIsRefused() {
        var export = export();
        var entries = List.of(rotation(1).notPlanned().entry());

        assertThatThrownBy(() -> export.write(entries, BlockSelection.all(), OutputStream.nullOutputStream()))
                .isInstanceOfSatisfying(KoraException.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("export.ics.nothing"));
        assertThatThrownBy(() -> export.write(entries, BlockSelection.all(), folder.resolve("none.ics")))
                .isInstanceOf(KoraException.class);
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void aFileGetsTheSameBytesAsAStream() throws IOException {
        var entries = List.of(rotation(17).entry());
        var file = folder.resolve("rotations.ics");

        export().write(entries, BlockSelection.all(), file);

        assertThat(Files.readAllBytes(file)).isEqualTo(write(entries, BlockSelection.all()));
    }

    @Test
    void aFullDiskFailsTheStreamWithItsIoError() {
        var devFull = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.isWritable(devFull), "a Linux /dev/full");

        assertThatThrownBy(() -> {
            try (var out = Files.newOutputStream(devFull)) {
                export().write(List.of(rotation(17).entry()), BlockSelection.all(), out);
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("No space left on device");
    }

    @Test
    void aTokenThatCouldBreakTheUidIsRefused() {
        var clock = Clock.fixed(NOW, ZoneId.of("UTC"));

        assertThatThrownBy(() -> new IcsCalendarExport(ENGLISH, "a b@c", clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IcsCalendarExport(ENGLISH, "", clock)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ical4jReadsKorasSettingsAndStaysOffTheNetwork() {
        assertThat(Configurator.getProperty("net.fortuna.ical4j.timezone.update.enabled")).contains("false");
    }

    private static IcsCalendarExport export() {
        return new IcsCalendarExport(ENGLISH, TOKEN, Clock.fixed(NOW, ZoneId.of("UTC")));
    }

    private static byte[] write(List<CalendarEntry> entries, BlockSelection selection) throws IOException {
        var out = new ByteArrayOutputStream();
        export().write(entries, selection, out);
        return out.toByteArray();
    }

    private static Calendar parse(byte[] ics) throws IOException, ParserException {
        return new CalendarBuilder().build(new ByteArrayInputStream(ics));
    }

    private static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents(VEvent.VEVENT);
    }

    private static String value(PropertyContainer container, String property) {
        return container.getProperty(property).map(Property::getValue).orElseThrow();
    }

    private static String text(byte[] ics) {
        return new String(ics, StandardCharsets.UTF_8);
    }

    /** The file's lines without their CRLF; fails on a CR or LF that is not part of a CRLF. */
    private static List<byte[]> lines(byte[] ics) {
        var lines = new ArrayList<byte[]>();
        var start = 0;
        for (var index = 0; index < ics.length; index++) {
            if (ics[index] == '\r' || ics[index] == '\n') {
                assertThat(ics[index] == '\r' && index + 1 < ics.length && ics[index + 1] == '\n')
                        .as("line break at octet %d is CRLF", index).isTrue();
                lines.add(Arrays.copyOfRange(ics, start, index));
                start = ++index + 1;
            }
        }
        assertThat(start).as("the file ends with CRLF").isEqualTo(ics.length);
        return lines;
    }

    private static void strictUtf8(byte[] line) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line));
        } catch (CharacterCodingException e) {
            throw new AssertionError("a line splits a UTF-8 character: " + new String(line, StandardCharsets.UTF_8), e);
        }
    }
}
