package org.kora.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Block;
import org.kora.domain.CalendarEntry;
import org.kora.domain.CalendarFilter;
import org.kora.domain.DateRange;
import org.kora.domain.ProgramCalendar;
import org.kora.planning.LiveCheck;
import org.kora.store.AuditDao;
import org.kora.store.AuditEntry;
import org.kora.store.CohortDao;
import org.kora.store.DatabaseFile;
import org.kora.store.Store;

class CalendarServiceTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Clock CLOCK = Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Store store;
    private AuthService auth;
    private CalendarService service;

    @BeforeEach
    void openTheDemo() {
        store = Store.create(DatabaseFile.of(dir.resolve("kora")));
        var hasher = new PasswordHasher(1000);
        new DemoService(store, hasher, CLOCK).populate();
        auth = new AuthService(store, hasher, CLOCK);
        service = new CalendarService(store, CLOCK);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Session as(String user) {
        return auth.signIn(user, "demo".toCharArray());
    }

    private List<Block> blocks() {
        return store.inTransaction(tx -> tx.dao(CohortDao.class).blocks());
    }

    /** The rotations of the calendar that pass the filter, as a manager reads them. */
    private List<CalendarEntry> entries(CalendarFilter filter) {
        return service.load(as("manager")).entries().stream().filter(filter::test).toList();
    }

    private CalendarEntry firstMovable(CalendarData data) {
        return data.entries().stream().filter(data::movable).findFirst().orElseThrow();
    }

    /** The move of an entry by {@code months}, its blocks as the program's calendar makes them. */
    private static CalendarMove moved(CalendarData data, CalendarEntry entry, int months) {
        var dates = ProgramCalendar.rotation(entry.offSite().from().plusMonths(months), data.problem().program());
        return new CalendarMove(entry.rotationId(), entry.offSite(), dates.offSite(), dates.onSite(), entry.mentorId());
    }

    @Test
    void everyRoleThatSeesTheCalendarReadsEveryRotationOfTheDemoWithoutConflict() {
        var rotations = store.inTransaction(tx -> tx.dao(CohortDao.class).rotations()).size();
        for (var user : List.of("manager", "mentor", "hr", "admin")) {
            var data = service.load(as(user));
            assertThat(data.entries()).hasSize(rotations);
            assertThat(data.entries()).noneMatch(CalendarEntry::inConflict);
            assertThat(data.homeDepartments()).isNotEmpty();
            assertThat(data.plan().assignments()).hasSize((int) data.entries().stream().filter(CalendarEntry::planned).count());
        }
    }

    @Test
    void startedAndConfirmedRotationsAreNotMovable() {
        var data = service.load(as("manager"));
        assertThat(data.entries().stream().filter(entry -> entry.planned() && !entry.offSite().from().isAfter(TODAY)))
                .isNotEmpty().noneMatch(data::movable);
        assertThat(data.entries().stream().filter(CalendarEntry::confirmed)).noneMatch(data::movable);
    }

    @Test
    void theFilterTakesDepartmentsCohortMonthsAndText() {
        var data = service.load(as("manager"));
        var entry = data.entries().stream().filter(CalendarEntry::planned).findFirst().orElseThrow();
        var byCohort = entries(new CalendarFilter(null, entry.cohortId(), null, null, ""));
        assertThat(byCohort).isNotEmpty().allMatch(e -> e.cohortId() == entry.cohortId());
        var byDepartment = entries(new CalendarFilter(Set.of(entry.homeDepartmentId()), null, null, null, ""));
        assertThat(byDepartment).isNotEmpty().allMatch(e -> e.homeDepartmentId() == entry.homeDepartmentId());
        var month = YearMonth.from(entry.offSite().from());
        assertThat(entries(new CalendarFilter(null, null, month, month, "")))
                .contains(entry).allMatch(e -> e.planned() && e.span().overlaps(
                        DateRange.of(month.atDay(1), month.atEndOfMonth())));
        assertThat(entries(new CalendarFilter(null, null, null, null, entry.traineeName())))
                .extracting(CalendarEntry::traineeName).containsOnly(entry.traineeName());
    }

    @Test
    void aPlannerSavesAMoveAndTheCalendarShowsItWithItsConflicts() {
        var hr = as("hr");
        var data = service.load(hr);
        var entry = firstMovable(data);
        var live = new LiveCheck(data.problem(), data.plan());
        var key = PlanPreview.rotationKey(entry.rotationId());
        var move = moved(data, entry, 1);
        var conflicts = live.move(key, move.offSite().from());

        service.saveMoves(hr, List.of(move));

        var after = service.load(hr).entries().stream().filter(e -> e.rotationId() == entry.rotationId()).findFirst().orElseThrow();
        assertThat(after.offSite()).isEqualTo(move.offSite());
        assertThat(after.onSite()).isEqualTo(move.onSite());
        assertThat(after.inConflict()).isEqualTo(conflicts.stream().anyMatch(c -> c.trainees().contains(key)
                && c.rule().isPlanningRule()));
        List<AuditEntry> audit = store.inTransaction(tx -> tx.dao(AuditDao.class).list());
        assertThat(audit).anyMatch(line -> line.action().equals("CALENDAR_MOVED") && line.username().equals("hr"));
    }

    @Test
    void aManagerMayMoveOnlyOnTheScreenAndTheServiceRefusesToSave() {
        var manager = as("manager");
        var data = service.load(manager);
        var before = blocks();
        assertThatThrownBy(() -> service.saveMoves(manager, List.of(moved(data, firstMovable(data), 1))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(blocks()).isEqualTo(before);
    }

    @Test
    void aStaleMoveOrAStartedRotationIsRefusedAndNothingIsWritten() {
        var hr = as("hr");
        var data = service.load(hr);
        var entry = firstMovable(data);
        var good = moved(data, entry, 1);
        var other = data.entries().stream().filter(data::movable).filter(e -> e.rotationId() != entry.rotationId())
                .findFirst().orElseThrow();
        var otherGood = moved(data, other, 1);
        var stale = new CalendarMove(entry.rotationId(), good.onSite(), good.offSite(), good.onSite(), entry.mentorId());
        var before = blocks();
        assertThatThrownBy(() -> service.saveMoves(hr, List.of(otherGood, stale)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("calendar.stale"));
        assertThat(blocks()).isEqualTo(before);

        var started = data.entries().stream().filter(e -> e.planned() && !e.offSite().from().isAfter(TODAY))
                .findFirst().orElseThrow();
        var dates = ProgramCalendar.rotation(TODAY.withDayOfMonth(1).plusMonths(2), data.problem().program());
        assertThatThrownBy(() -> service.saveMoves(hr, List.of(new CalendarMove(started.rotationId(), started.offSite(),
                dates.offSite(), dates.onSite(), started.mentorId()))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("calendar.notMovable"));
        assertThat(blocks()).isEqualTo(before);
    }
}
