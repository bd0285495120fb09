package org.kora.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.kora.domain.Blackout;
import org.kora.domain.Festivals;
import org.kora.domain.Permission;
import org.kora.store.AuditDao;
import org.kora.store.BlackoutDao;
import org.kora.store.Store;
import org.kora.store.Tx;

/**
 * The blackout periods in which no block may start (禁排期), kept in the settings: listed for
 * those who plan or keep the settings, changed by those who keep the settings (administrators).
 * Each change is one transaction with one audit line; planning reads the list as it is then.
 */
public final class BlackoutService {
    /** How many coming years {@link #addFestivals} covers. */
    public static final int FESTIVAL_YEARS = 3;
    private static final int MAX_LABEL = 200;

    private final Store store;
    private final Clock clock;

    public BlackoutService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Every blackout, by start. */
    public List<Blackout> list(Session who) {
        if (!who.may(Permission.EDIT_SETTINGS)) {
            who.require(Permission.PLAN_COHORTS);
        }
        return store.inTransaction(tx -> tx.dao(BlackoutDao.class).list());
    }

    /** Adds a blackout ({@code blackout}'s id is 0) or changes one. */
    public Blackout save(Session who, Blackout blackout) {
        who.require(Permission.EDIT_SETTINGS);
        var label = blackout.label().strip();
        if (label.length() > MAX_LABEL) {
            throw new InvalidInputException("blackouts.labelTooLong", MAX_LABEL);
        }
        var clean = new Blackout(blackout.id(), blackout.from(), blackout.to(), label);
        return store.inTransaction(tx -> {
            var blackouts = tx.dao(BlackoutDao.class);
            long id;
            if (clean.id() == 0) {
                id = blackouts.insert(clean);
            } else if (blackouts.update(clean) == 0) {
                throw new InvalidInputException("blackouts.gone");
            } else {
                id = clean.id();
            }
            audit(tx, who, "BLACKOUT_SAVED", "id=" + id + " from=" + clean.from() + " to=" + clean.to()
                    + " label=" + clean.label());
            return blackouts.find(id).orElseThrow();
        });
    }

    public void remove(Session who, Blackout blackout) {
        who.require(Permission.EDIT_SETTINGS);
        store.inTransaction(tx -> {
            if (tx.dao(BlackoutDao.class).delete(blackout.id()) == 0) {
                throw new InvalidInputException("blackouts.gone");
            }
            audit(tx, who, "BLACKOUT_REMOVED", "id=" + blackout.id() + " label=" + blackout.label());
            return null;
        });
    }

    /**
     * Adds the usual Spring Festival and Losar blackouts ({@link Festivals}) of this year and the
     * next {@link #FESTIVAL_YEARS} − 1 years, each unless a blackout already covers its festival
     * day, so that adding them twice changes nothing. Returns how many were added.
     */
    public int addFestivals(Session who) {
        who.require(Permission.EDIT_SETTINGS);
        var year = LocalDate.now(clock).getYear();
        return store.inTransaction(tx -> {
            var blackouts = tx.dao(BlackoutDao.class);
            var existing = blackouts.list();
            var added = 0;
            for (var y = year; y < year + FESTIVAL_YEARS; y++) {
                var festivals = Map.of(Festivals.springFestival(y), Festivals.springFestivalBlackout(y),
                        Festivals.estimatedLosar(y), Festivals.losarBlackout(y));
                for (var festival : festivals.entrySet()) {
                    if (existing.stream().noneMatch(blackout -> blackout.range().contains(festival.getKey()))) {
                        blackouts.insert(festival.getValue());
                        added++;
                    }
                }
            }
            audit(tx, who, "BLACKOUT_FESTIVALS_ADDED", "from=" + year + " years=" + FESTIVAL_YEARS + " added=" + added);
            return added;
        });
    }

    private void audit(Tx tx, Session who, String action, String detail) {
        tx.dao(AuditDao.class).record(clock.instant(), who.user().username(), action, detail);
    }
}
