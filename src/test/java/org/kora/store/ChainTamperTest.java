package org.kora.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.SqlObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.ChainCheck;
import org.kora.domain.ChainCheck.Broken;
import org.kora.domain.ChainCheck.Fault;
import org.kora.domain.Competency;
import org.kora.domain.Department;
import org.kora.domain.HospitalKind;
import org.kora.domain.Mentor;
import org.kora.domain.Profession;
import org.kora.domain.SignOff;
import org.kora.domain.SignOffChain;
import org.kora.domain.SignOffLevel;
import org.kora.domain.Trainee;

/**
 * A thousand random edits made with SQL on the H2 file, as someone who has dropped the triggers and
 * constraints could make them: each applied in a transaction, the chain verified in it as Kora
 * verifies it ({@link SignOffLedger#verify}), then rolled back. Every one must be detected.
 */
class ChainTamperTest {
    private static final int ENTRIES = 200;
    private static final int EDITS = 1000;
    private static final Instant SIGNED = Instant.parse("2026-03-02T01:30:00Z");
    private static final List<String> COLUMNS = List.of("id", "trainee_id", "competency_id", "performed_on", "level",
            "performed_count", "case_reference", "comment", "mentor_id", "signed_at", "amends_id", "amend_reason",
            "previous_hash", "hash");
    /** The columns a clever tamperer changes and then re-seals, recomputing the row's own hash. */
    private static final List<String> CONTENT = COLUMNS.subList(1, 12);

    interface RawSql extends SqlObject {
    }

    /** Rolls the edit back once the chain has been checked, carrying the outcome out. */
    private static final class Checked extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ChainCheck check;

        Checked(ChainCheck check) {
            super(null, null, false, false);
            this.check = check;
        }
    }

    /** One direct edit: what it did, and what the check must say if more than "broken". */
    private record Edit(String what, Consumer<Handle> sql, Broken expected) {
    }

    @TempDir
    Path dir;

    private Store store;
    private List<SignOff> rows;
    private long[] trainees;
    private long[] competencies;
    private long[] mentors;

    @BeforeEach
    void signAChainAndDropTheGuards() {
        store = Store.create(DatabaseFile.of(dir.resolve("kora")));
        store.inTransaction(tx -> {
            var hospitals = tx.dao(HospitalDao.class);
            var home = hospitals.insert("Batang County People's Hospital", HospitalKind.HOME);
            var partner = hospitals.insert("Shuangliu District People's Hospital", HospitalKind.PARTNER);
            hospitals.insertPartnership(home, partner);
            var department = tx.dao(DepartmentDao.class).insert(Department.home(0, home, "麻醉科", 6, 4));
            mentors = new long[] {
                tx.dao(MentorDao.class).insert(new Mentor(0, partner, department, "M-001", "王丽", 2)),
                tx.dao(MentorDao.class).insert(new Mentor(0, partner, department, "M-002", "李强", 2))};
            trainees = new long[] {
                tx.dao(TraineeDao.class).insert(new Trainee(0, home, department, "0042", "扎西", Profession.DOCTOR,
                        null, null, null, null)),
                tx.dao(TraineeDao.class).insert(new Trainee(0, home, department, "0043", "卓玛", Profession.NURSE,
                        null, null, null, null))};
            competencies = new long[] {
                tx.dao(CompetencyDao.class).insert(new Competency(0, department, "气管插管", "Tracheal intubation",
                        "Airway", 10, SignOffLevel.SUPERVISED, 1)),
                tx.dao(CompetencyDao.class).insert(new Competency(0, department, "椎管内麻醉", "Neuraxial block",
                        "Regional", 5, SignOffLevel.SUPERVISED, 2))};
            var random = new Random(7);
            for (var n = 1; n <= ENTRIES; n++) {
                Long amends = n % 20 == 0 ? (long) (1 + random.nextInt(n - 1)) : null;
                SignOffLedger.append(tx, new SignOff(0, trainees[n % 2], competencies[random.nextInt(2)],
                        LocalDate.parse("2026-03-02").plusDays(n / 3), SignOffLevel.values()[random.nextInt(4)],
                        1 + random.nextInt(3), random.nextBoolean() ? "CASE-" + n : null,
                        random.nextBoolean() ? "稳 steady " + n : null, mentors[random.nextInt(2)],
                        SIGNED.plusSeconds(n * 600L).plusMillis(random.nextInt(1000)), amends,
                        amends == null ? null : "count corrected", null, null));
            }
            return null;
        });
        rows = store.inTransaction(tx -> tx.dao(SignOffDao.class).list());
        // what a tamperer with the H2 shell does first
        store.inTransaction(tx -> {
            var handle = tx.dao(RawSql.class).getHandle();
            handle.execute("DROP TRIGGER signoff_append_only");
            handle.execute("ALTER TABLE signoff DROP CONSTRAINT signoff_hash_uq");
            handle.execute("ALTER TABLE signoff DROP CONSTRAINT signoff_previous_uq");
            handle.execute("SET REFERENTIAL_INTEGRITY FALSE");
            return null;
        });
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private ChainCheck checkedAfter(Consumer<Handle> edit) {
        try {
            store.inTransaction(tx -> {
                edit.accept(tx.dao(RawSql.class).getHandle());
                throw new Checked(SignOffLedger.verify(tx));
            });
        } catch (Checked checked) {
            return checked.check;
        }
        throw new AssertionError("the edit was not rolled back");
    }

    @Test
    void everyOneOfAThousandRandomDirectEditsIsDetected() {
        assertThat(checkedAfter(handle -> { })).isEqualTo(new ChainCheck.Intact(ENTRIES, rows.get(ENTRIES - 1).hash()));

        var random = new Random(20261123);
        var missed = new ArrayList<String>();
        var kinds = new int[5];
        for (var i = 0; i < EDITS; i++) {
            var draw = random.nextInt(10);
            var kind = draw < 5 ? 0 : Math.min(draw - 4, 4);
            var edit = switch (kind) {
                case 0 -> columnChange(random);
                case 1 -> rowRemoved(random);
                case 2 -> newestRemoved(random);
                case 3 -> contentsSwapped(random);
                default -> rowForged(random);
            };
            kinds[kind]++;
            var check = checkedAfter(edit.sql());
            if (!(check instanceof Broken broken)) {
                missed.add(edit.what());
            } else if (edit.expected() != null && !edit.expected().equals(broken)) {
                missed.add(edit.what() + ": named " + broken + ", expected " + edit.expected());
            }
        }

        assertThat(missed).isEmpty();
        assertThat(Arrays.stream(kinds).min().orElseThrow()).as("edits of each kind").isGreaterThan(50);
        assertThat(checkedAfter(handle -> { })).isInstanceOf(ChainCheck.Intact.class);
    }

    /** One column of one row set to another value; half the time the row re-sealed with a recomputed hash. */
    private Edit columnChange(Random random) {
        var row = rows.get(random.nextInt(ENTRIES));
        var reseal = random.nextBoolean();
        var column = (reseal ? CONTENT : COLUMNS).get(random.nextInt(reseal ? CONTENT.size() : COLUMNS.size()));
        if (column.equals("amends_id") && row.amendReason() == null) {
            column = "comment";
        }
        var value = otherValue(random, row, column);
        var changed = with(row, column, value);
        var hash = reseal ? SignOffChain.hash(row.previousHash(), changed) : row.hash();
        var what = (reseal ? "re-sealed " : "") + column + " of sign-off " + row.id() + " set to " + value;
        Broken expected = null;
        if (!reseal && !column.equals("id")) {
            expected = new Broken(ENTRIES, row.id(), Fault.CONTENT_CHANGED, 0);
        }
        var sqlColumn = column;
        return new Edit(what, handle -> {
            var update = handle.createUpdate("UPDATE signoff SET " + sqlColumn + " = "
                    + (value == null ? "NULL" : ":value") + (sqlColumn.equals("hash") ? "" : ", hash = :hash")
                    + " WHERE id = :id");
            if (value != null) {
                update.bind("value", value);
            }
            if (!sqlColumn.equals("hash")) {
                update.bind("hash", hash);
            }
            update.bind("id", row.id()).execute();
        }, expected);
    }

    private Object otherValue(Random random, SignOff row, String column) {
        return switch (column) {
            case "id" -> random.nextBoolean() ? -random.nextInt(5) : ENTRIES + 1 + random.nextInt(50);
            case "trainee_id" -> other(trainees, row.traineeId());
            case "competency_id" -> other(competencies, row.competencyId());
            case "mentor_id" -> other(mentors, row.mentorId());
            case "performed_on" -> row.performedOn().plusDays(random.nextBoolean() ? 1 + random.nextInt(30)
                    : -1 - random.nextInt(30));
            case "level" -> SignOffLevel.values()[(row.level().ordinal() + 1 + random.nextInt(3)) % 4].name();
            case "performed_count" -> row.count() + 1 + random.nextInt(5);
            case "case_reference" -> row.caseReference() == null || random.nextBoolean() ? "CASE-X" + random.nextInt(99)
                    : null;
            case "comment" -> row.comment() == null || random.nextBoolean() ? row.comment() + "!" : null;
            // a millisecond or more, or only the microseconds that the hash does not cover
            case "signed_at" -> random.nextBoolean() ? row.signedAt().plusMillis(1 + random.nextInt(100_000))
                    : row.signedAt().plusNanos(1000L * (1 + random.nextInt(999)));
            case "amends_id" -> row.amendsId() != null && random.nextBoolean() ? null
                    : (Object) (long) (row.amendsId() == null || row.amendsId() > 1 ? 1 : 2);
            case "amend_reason" -> row.amendReason() == null ? "typo" : row.amendReason() + " again";
            case "hash" -> random.nextBoolean() ? randomHash(random) : anotherRow(random, row).hash();
            case "previous_hash" -> random.nextBoolean() || row.id() <= 2 ? randomHash(random)
                    : rows.get(random.nextInt((int) row.id() - 2)).hash();
            default -> throw new IllegalArgumentException(column);
        };
    }

    private SignOff anotherRow(Random random, SignOff row) {
        return rows.get((int) (row.id() + random.nextInt(ENTRIES - 1)) % ENTRIES);
    }

    private static long other(long[] ids, long id) {
        return ids[0] == id ? ids[1] : ids[0];
    }

    private static String randomHash(Random random) {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** {@code row} with one content column changed, to compute the hash a clever tamperer would store. */
    private static SignOff with(SignOff r, String column, Object value) {
        return new SignOff(r.id(), column.equals("trainee_id") ? (long) value : r.traineeId(),
                column.equals("competency_id") ? (long) value : r.competencyId(),
                column.equals("performed_on") ? (LocalDate) value : r.performedOn(),
                column.equals("level") ? SignOffLevel.valueOf((String) value) : r.level(),
                column.equals("performed_count") ? (int) value : r.count(),
                column.equals("case_reference") ? (String) value : r.caseReference(),
                column.equals("comment") ? (String) value : r.comment(),
                column.equals("mentor_id") ? (long) value : r.mentorId(),
                column.equals("signed_at") ? (Instant) value : r.signedAt(),
                column.equals("amends_id") ? (Long) value : r.amendsId(),
                column.equals("amend_reason") ? (String) value : r.amendReason(), r.previousHash(), r.hash());
    }

    /** The first, the last, or any row deleted. */
    private Edit rowRemoved(Random random) {
        var id = switch (random.nextInt(3)) {
            case 0 -> 1;
            case 1 -> ENTRIES;
            default -> 2 + random.nextInt(ENTRIES - 2);
        };
        var expected = id == 1 ? new Broken(ENTRIES - 1, 2, Fault.START_GONE, 0)
                : id == ENTRIES ? new Broken(ENTRIES - 1, ENTRIES, Fault.REMOVED_AT_END, ENTRIES)
                : new Broken(ENTRIES - 1, id + 1, Fault.PREDECESSOR_GONE, id - 1);
        return new Edit("sign-off " + id + " deleted",
                handle -> handle.createUpdate("DELETE FROM signoff WHERE id = :id").bind("id", id).execute(), expected);
    }

    private Edit newestRemoved(Random random) {
        var removed = 1 + random.nextInt(5);
        var first = ENTRIES - removed + 1;
        return new Edit("the newest " + removed + " sign-offs deleted",
                handle -> handle.createUpdate("DELETE FROM signoff WHERE id >= :first").bind("first", first).execute(),
                new Broken(ENTRIES - removed, first, Fault.REMOVED_AT_END, ENTRIES));
    }

    /** Two rows' contents, seals included, exchanged; their ids stay. */
    private Edit contentsSwapped(Random random) {
        var a = rows.get(random.nextInt(ENTRIES));
        var b = anotherRow(random, a);
        return new Edit("sign-offs " + a.id() + " and " + b.id() + " swapped", handle -> {
            write(handle, a.id(), b);
            write(handle, b.id(), a);
        }, null);
    }

    private static void write(Handle handle, long id, SignOff content) {
        handle.createUpdate("UPDATE signoff SET trainee_id = :traineeId, competency_id = :competencyId, "
                        + "performed_on = :performedOn, level = :level, performed_count = :count, "
                        + "case_reference = :caseReference, comment = :comment, mentor_id = :mentorId, "
                        + "signed_at = :signedAt, amends_id = :amendsId, amend_reason = :amendReason, "
                        + "previous_hash = :previousHash, hash = :hash WHERE id = :rowId")
                .bindMethods(content).bind("rowId", id).execute();
    }

    /**
     * A forged sign-off, sealed and chained as Kora would: after the newest, before the first, or
     * slipped in between two with the later ones numbered on; or with a made-up seal.
     */
    private Edit rowForged(Random random) {
        var at = 1 + random.nextInt(ENTRIES + 1);
        var previous = at == 1 ? SignOffChain.GENESIS : rows.get(at - 2).hash();
        var content = new SignOff(at, trainees[random.nextInt(2)], competencies[random.nextInt(2)],
                LocalDate.parse("2026-05-01"), SignOffLevel.INDEPENDENT, 1 + random.nextInt(10), null, "forged",
                mentors[random.nextInt(2)], SIGNED.plusSeconds(random.nextInt(1_000_000)), null, null, null, null);
        var sealed = random.nextInt(4) > 0;
        var forged = new SignOff(at, content.traineeId(), content.competencyId(), content.performedOn(), content.level(),
                content.count(), content.caseReference(), content.comment(), content.mentorId(), content.signedAt(),
                null, null, previous, sealed ? SignOffChain.hash(previous, content) : randomHash(random));
        var beforeFirst = at == 1 && random.nextBoolean();
        var what = (sealed ? "sealed " : "") + "forged sign-off inserted at " + (beforeFirst ? 0 : at);
        Broken expected = sealed && at == ENTRIES + 1 ? new Broken(ENTRIES + 1, at, Fault.ADDED, 0) : null;
        return new Edit(what, handle -> {
            if (beforeFirst) {
                insert(handle, withId(forged, 0));
                return;
            }
            // numbered on as Kora would have numbered them, in two steps past the primary key
            handle.createUpdate("UPDATE signoff SET id = id + 1000000 WHERE id >= :at").bind("at", at).execute();
            handle.createUpdate("UPDATE signoff SET id = id - 999999 WHERE id >= 1000000").execute();
            insert(handle, forged);
        }, expected);
    }

    private static SignOff withId(SignOff s, long id) {
        return new SignOff(id, s.traineeId(), s.competencyId(), s.performedOn(), s.level(), s.count(),
                s.caseReference(), s.comment(), s.mentorId(), s.signedAt(), s.amendsId(), s.amendReason(),
                s.previousHash(), s.hash());
    }

    private static void insert(Handle handle, SignOff row) {
        handle.attach(SignOffDao.class).insert(row);
    }
}
