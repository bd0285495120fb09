package org.kora.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Blackout;
import org.kora.domain.Festivals;
import org.kora.store.AuditDao;
import org.kora.store.AuditEntry;
import org.kora.store.BlackoutDao;
import org.kora.store.DatabaseFile;
import org.kora.store.Store;

class BlackoutServiceTest {
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 11, 23).atTime(9, 0).toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Store store;
    private AuthService auth;
    private BlackoutService service;
    private Session admin;

    @BeforeEach
    void createDatabase() {
        store = Store.create(DatabaseFile.of(dir.resolve("kora")));
        var hasher = new PasswordHasher(1000);
        new DemoService(store, hasher, CLOCK).populate();
        store.inTransaction(tx -> {
            tx.dao(BlackoutDao.class).list().forEach(blackout -> tx.dao(BlackoutDao.class).delete(blackout.id()));
            return null;
        });
        auth = new AuthService(store, hasher, CLOCK);
        service = new BlackoutService(store, CLOCK);
        admin = auth.signIn("admin", "demo".toCharArray());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theFestivalsOfTheComingYearsAreAddedOnce() {
        var added = service.addFestivals(admin);

        assertThat(added).isEqualTo(2 * BlackoutService.FESTIVAL_YEARS);
        var list = service.list(admin);
        assertThat(list).extracting(Blackout::label)
                .containsExactlyInAnyOrder("春节 2026", "藏历新年 2026", "春节 2027", "藏历新年 2027", "春节 2028", "藏历新年 2028");
        assertThat(list).anySatisfy(blackout -> assertThat(blackout.range().contains(LocalDate.of(2027, 2, 6))).isTrue());
        assertThat(list).isSortedAccordingTo((a, b) -> a.from().compareTo(b.from()));
        assertThat(service.addFestivals(admin)).isZero();
        assertThat(service.list(admin)).isEqualTo(list);
    }

    @Test
    void aFestivalAlreadyCoveredByHandIsNotAddedAgain() {
        var festival = Festivals.springFestival(2027);
        service.save(admin, new Blackout(0, festival.minusDays(1), festival.plusDays(3), "过年"));

        service.addFestivals(admin);

        assertThat(service.list(admin)).extracting(Blackout::label).contains("过年").doesNotContain("春节 2027");
    }

    @Test
    void aBlackoutIsChangedAndRemovedWithAnAuditLine() {
        var saved = service.save(admin, new Blackout(0, LocalDate.of(2027, 7, 1), LocalDate.of(2027, 7, 10), " 雪顿节 "));
        assertThat(saved.label()).isEqualTo("雪顿节");

        var changed = service.save(admin, new Blackout(saved.id(), saved.from(), LocalDate.of(2027, 7, 15), saved.label()));
        assertThat(service.list(admin)).containsExactly(changed);

        service.remove(admin, changed);

        assertThat(service.list(admin)).isEmpty();
        List<AuditEntry> audit = store.inTransaction(tx -> tx.dao(AuditDao.class).list());
        assertThat(audit).extracting(AuditEntry::action).contains("BLACKOUT_SAVED", "BLACKOUT_REMOVED");
        assertThatThrownBy(() -> service.remove(admin, changed)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKey()).isEqualTo("blackouts.gone"));
    }

    @Test
    void plannersSeeTheBlackoutsButOnlyAdministratorsChangeThem() {
        service.addFestivals(admin);
        var hr = auth.signIn("hr", "demo".toCharArray());
        var before = service.list(admin);

        assertThat(service.list(hr)).isEqualTo(before);
        assertThatThrownBy(() -> service.addFestivals(hr)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.save(hr, before.get(0))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.remove(hr, before.get(0))).isInstanceOf(AccessDeniedException.class);
        var mentor = auth.signIn("mentor", "demo".toCharArray());
        assertThatThrownBy(() -> service.list(mentor)).isInstanceOf(AccessDeniedException.class);
        assertThat(service.list(admin)).isEqualTo(before);
    }
}
