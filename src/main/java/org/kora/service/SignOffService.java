package org.kora.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.kora.domain.CalendarEntry;
import org.kora.domain.CaseReference;
import org.kora.domain.Competency;
import org.kora.domain.KoraException;
import org.kora.domain.Mentor;
import org.kora.domain.Permission;
import org.kora.domain.SignOff;
import org.kora.domain.SignOffLine;
import org.kora.domain.Trainee;
import org.kora.domain.TraineeProgress;
import org.kora.domain.TraineeRecord;
import org.kora.store.AuditDao;
import org.kora.store.CalendarDao;
import org.kora.store.CalendarRow;
import org.kora.store.CompetencyDao;
import org.kora.store.MentorDao;
import org.kora.store.SignOffDao;
import org.kora.store.SignOffLedger;
import org.kora.store.Store;
import org.kora.store.TraineeDao;
import org.kora.store.Tx;
import org.kora.store.UserDao;

/**
 * Mentors' sign-offs and everyone's view of progress. Only a MENTOR signs, only for a mentee of
 * theirs whose on-site block with them is under way or ended at most {@value #RECENT_DAYS} days ago,
 * never for themselves, on a date inside that block and not in the future, after entering their
 * password again. A correction is a new entry that amends the old one, signed by the mentor who
 * signed the old one. Every refusal of a sign-off or amendment is written to the audit log, in a
 * transaction of its own, so that the refusal stays recorded though nothing else is written.
 */
public final class SignOffService {
    /** How long after an on-site block a mentor still sees the mentee and may sign for them. */
    public static final int RECENT_DAYS = 30;
    /** The most performances one entry may count: more is a typing slip, not a day's work. */
    public static final int MAX_COUNT = 99;
    /** The comment and reason columns' lengths in the store. */
    static final int MAX_COMMENT = 2000;
    static final int MAX_REASON = 1000;

    private final Store store;
    private final PasswordHasher hasher;
    private final Clock clock;

    public SignOffService(Store store, PasswordHasher hasher, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * The signed-in mentor's mentees: those in an on-site block with them today and those whose block
     * ended in the last {@value #RECENT_DAYS} days, soonest ending first, each with their progress.
     */
    public List<TraineeRecord> mentees(Session who) {
        who.require(Permission.SIGN_OFF);
        var mentorId = mentorOf(who);
        var today = LocalDate.now(clock);
        return store.inTransaction(tx -> {
            var seen = new LinkedHashMap<Long, CalendarRow>();
            for (var row : tx.dao(CalendarDao.class).rowsOfMentor(mentorId)) {
                if (isCurrent(row.entry(), mentorId, today)) {
                    seen.putIfAbsent(row.traineeId(), row);
                }
            }
            var result = new ArrayList<TraineeRecord>();
            for (var traineeId : seen.keySet()) {
                result.add(read(tx, who, traineeId));
            }
            return result;
        });
    }

    /**
     * Every trainee with a rotation whose sign-offs the user may read, by name: everyone for HR,
     * managers and administrators; for a mentor, those they mentor or mentored.
     */
    public List<TraineeSummary> trainees(Session who) {
        return records(who).stream().map(TraineeSummary::of).toList();
    }

    /**
     * The records of every trainee of {@link #trainees}, in the same order, read at once: for the
     * sign-off reports. As in {@link #trainee}, the phone number only for those who see the people screens.
     */
    public List<TraineeRecord> records(Session who) {
        who.require(Permission.VIEW_SIGNOFFS);
        var mentorId = who.user().mentorId();
        return store.inTransaction(tx -> {
            var calendar = tx.dao(CalendarDao.class);
            var rows = mentorId == null ? calendar.rows() : calendar.rowsOfMentor(mentorId);
            var byTrainee = new LinkedHashMap<Long, List<CalendarEntry>>();
            for (var row : rows) {
                byTrainee.computeIfAbsent(row.traineeId(), id -> new ArrayList<>()).add(row.entry());
            }
            if (mentorId != null) {
                // a mentor's mentee's record holds every rotation of theirs, not only those with this mentor
                byTrainee.replaceAll((traineeId, mine) -> calendar.rowsOfTrainee(traineeId).stream()
                        .map(CalendarRow::entry).toList());
            }
            var trainees = tx.dao(TraineeDao.class).list().stream().collect(Collectors.toMap(Trainee::id, t -> t));
            var names = new Names(tx);
            var signOffs = tx.dao(SignOffDao.class).list().stream().collect(Collectors.groupingBy(SignOff::traineeId));
            var head = SignOffLedger.head(tx);
            var result = new ArrayList<TraineeRecord>();
            for (var entry : byTrainee.entrySet()) {
                var rotations = entry.getValue();
                result.add(names.record(shown(trainees.get(entry.getKey()), who), rotations,
                        signOffs.getOrDefault(entry.getKey(), List.of()), head));
            }
            result.sort(Comparator.comparing(record -> record.trainee().name(), NameOrder.names()));
            return result;
        });
    }

    /**
     * One trainee's rotations, sign-offs and progress, and the chain head they were read against.
     * A mentor may read only trainees they mentor or mentored; the phone number is shown only to
     * those who may see the people screens.
     */
    public TraineeRecord trainee(Session who, long traineeId) {
        return audited(who, "SIGNOFF_READ", "trainee=" + traineeId, () -> store.inTransaction(tx -> {
            who.require(Permission.VIEW_SIGNOFFS);
            var mentorId = who.user().mentorId();
            if (mentorId != null && tx.dao(CalendarDao.class).rowsOfTrainee(traineeId).stream()
                    .noneMatch(row -> mentorId.equals(row.entry().mentorId()))) {
                throw new InvalidInputException("signoff.notYourMentee", String.valueOf(traineeId));
            }
            return read(tx, who, traineeId);
        }));
    }

    /**
     * Signs a performance after checking the mentor's password again; saved (on disk) when this
     * returns. Refused, and the refusal audited, by any rule in the class's description.
     */
    public SignOff signOff(Session who, char[] password, SignOffRequest request) {
        return audited(who, "SIGNOFF", describe(request), () -> store.inTransaction(tx -> {
            var mentor = checkSigner(tx, who, password, request);
            var entry = SignOffLedger.append(tx, draft(who, mentor, request, null, null));
            audit(tx, who, "SIGNOFF_SAVED", "id=" + entry.id() + " " + describe(request));
            return entry;
        }));
    }

    /**
     * Corrects entry {@code amendsId} with a new entry holding the corrected values and the reason;
     * the old entry stays as it was, shown struck through. Only the mentor who signed it may amend
     * it, under the same rules as a sign-off, and only the newest correction of an entry is amended.
     */
    public SignOff amend(Session who, char[] password, long amendsId, SignOffRequest corrected, String reason) {
        return audited(who, "AMENDMENT", "amends=" + amendsId + " " + describe(corrected),
                () -> store.inTransaction(tx -> appendAmendment(tx, who, password, amendsId, corrected, reason)));
    }

    private SignOff appendAmendment(Tx tx, Session who, char[] password, long amendsId, SignOffRequest corrected,
                                    String reason) {
        var original = tx.dao(SignOffDao.class).find(amendsId)
                .orElseThrow(() -> new InvalidInputException("signoff.amend.notFound", String.valueOf(amendsId)));
        var mentor = checkSigner(tx, who, password, corrected);
        if (original.mentorId() != mentor.id()) {
            throw new InvalidInputException("signoff.amend.notYours", String.valueOf(amendsId));
        }
        if (original.traineeId() != corrected.traineeId()) {
            throw new InvalidInputException("signoff.amend.otherTrainee", String.valueOf(amendsId));
        }
        if (tx.dao(SignOffDao.class).isAmended(amendsId)) {
            throw new InvalidInputException("signoff.amend.alreadyAmended", String.valueOf(amendsId));
        }
        var why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInputException("signoff.amend.reasonMissing");
        }
        if (why.length() > MAX_REASON) {
            throw new InvalidInputException("signoff.tooLong", MAX_REASON);
        }
        var entry = SignOffLedger.append(tx, draft(who, mentor, corrected, amendsId, why));
        audit(tx, who, "SIGNOFF_AMENDED", "id=" + entry.id() + " amends=" + amendsId + " " + describe(corrected));
        return entry;
    }

    /**
     * Runs a sign-off, an amendment or a read of a record; a refusal is audited ({@code what}_REFUSED,
     * with the reason and {@code detail}) in a transaction of its own, then passed on.
     */
    private <T> T audited(Session who, String what, String detail, Supplier<T> work) {
        try {
            return work.get();
        } catch (KoraException refused) {
            try {
                store.inTransaction(tx -> {
                    audit(tx, who, what + "_REFUSED", refused.messageKey() + " "
                            + Arrays.toString(refused.messageArgs()) + " " + detail);
                    return null;
                });
            } catch (KoraException auditFailed) {
                // a store that refuses to write (damaged, full) must not hide why the call was refused
                refused.addSuppressed(auditFailed);
            }
            throw refused;
        }
    }

    /** Every check on who signs what, in one place for sign-offs and amendments; gives the signing mentor. */
    private Mentor checkSigner(Tx tx, Session who, char[] password, SignOffRequest request) {
        who.require(Permission.SIGN_OFF);
        var mentor = tx.dao(MentorDao.class).find(mentorOf(who))
                .orElseThrow(() -> new InvalidInputException("signoff.noMentor", who.user().username()));
        var hash = tx.dao(UserDao.class).passwordHash(who.user().username());
        if (password == null || hash.isEmpty() || !hasher.verify(password, hash.get())) {
            throw new InvalidInputException("signoff.passwordWrong");
        }
        if (request == null) {
            throw new InvalidInputException("signoff.missing");
        }
        var trainee = tx.dao(TraineeDao.class).find(request.traineeId())
                .orElseThrow(() -> new InvalidInputException("trainee.notFound", String.valueOf(request.traineeId())));
        if (isSamePerson(trainee, mentor)) {
            throw new InvalidInputException("signoff.self");
        }
        var today = LocalDate.now(clock);
        var blocks = tx.dao(CalendarDao.class).rowsOfTrainee(trainee.id()).stream().map(CalendarRow::entry)
                .filter(entry -> isCurrent(entry, mentor.id(), today)).toList();
        if (blocks.isEmpty()) {
            throw new InvalidInputException("signoff.notYourMentee", trainee.name());
        }
        checkContent(tx, trainee, request, blocks, today);
        return mentor;
    }

    private static void checkContent(Tx tx, Trainee trainee, SignOffRequest request, List<CalendarEntry> blocks,
                                     LocalDate today) {
        if (tx.dao(CompetencyDao.class).listOf(trainee.departmentId()).stream()
                .noneMatch(c -> c.id() == request.competencyId())) {
            throw new InvalidInputException("signoff.competencyNotInCurriculum", trainee.name());
        }
        var on = request.performedOn();
        if (on == null) {
            throw new InvalidInputException("signoff.dateMissing");
        }
        if (on.isAfter(today)) {
            throw new InvalidInputException("signoff.dateInFuture", on);
        }
        if (blocks.stream().noneMatch(entry -> entry.onSite().contains(on))) {
            var block = blocks.get(0).onSite();
            throw new InvalidInputException("signoff.dateOutsideBlock", on, block.from(), block.to());
        }
        if (request.level() == null) {
            throw new InvalidInputException("signoff.levelMissing");
        }
        if (request.count() < 1 || request.count() > MAX_COUNT) {
            throw new InvalidInputException("signoff.countRange", MAX_COUNT);
        }
        if (request.caseReference() != null && request.caseReference().length() > CaseReference.MAX_LENGTH) {
            throw new InvalidInputException("signoff.tooLong", CaseReference.MAX_LENGTH);
        }
        if (request.comment() != null && request.comment().length() > MAX_COMMENT) {
            throw new InvalidInputException("signoff.tooLong", MAX_COMMENT);
        }
    }

    private SignOff draft(Session who, Mentor mentor, SignOffRequest request, Long amendsId, String reason) {
        return new SignOff(0, request.traineeId(), request.competencyId(), request.performedOn(), request.level(),
                request.count(), blankToNull(request.caseReference()), blankToNull(request.comment()), mentor.id(),
                clock.instant(), amendsId, reason, null, null);
    }

    /** Whether the rotation's on-site block is this mentor's and under way or ended at most RECENT_DAYS ago. */
    private static boolean isCurrent(CalendarEntry entry, long mentorId, LocalDate today) {
        return entry.planned() && entry.mentorId() != null && entry.mentorId() == mentorId
                && !entry.onSite().from().isAfter(today) && !entry.onSite().to().isBefore(today.minusDays(RECENT_DAYS));
    }

    /**
     * A mentor and a trainee are different people in Kora's tables (partner and home hospitals), so
     * "themselves" is the same staff number and the same name: one person entered twice.
     */
    private static boolean isSamePerson(Trainee trainee, Mentor mentor) {
        return trainee.staffNo().strip().equalsIgnoreCase(mentor.staffNo().strip())
                && trainee.name().strip().equals(mentor.name().strip());
    }

    private static long mentorOf(Session who) {
        var mentorId = who.user().mentorId();
        if (mentorId == null) {
            throw new InvalidInputException("signoff.noMentor", who.user().username());
        }
        return mentorId;
    }

    private static TraineeRecord read(Tx tx, Session who, long traineeId) {
        var trainee = tx.dao(TraineeDao.class).find(traineeId)
                .orElseThrow(() -> new InvalidInputException("trainee.notFound", String.valueOf(traineeId)));
        var rotations = tx.dao(CalendarDao.class).rowsOfTrainee(traineeId).stream().map(CalendarRow::entry).toList();
        return new Names(tx).record(shown(trainee, who), rotations, tx.dao(SignOffDao.class).ofTrainee(traineeId),
                SignOffLedger.head(tx));
    }

    /** The trainee as {@code who} may see them: without the phone number unless they see the people screens. */
    private static Trainee shown(Trainee trainee, Session who) {
        if (who.may(Permission.VIEW_PEOPLE)) {
            return trainee;
        }
        return new Trainee(trainee.id(), trainee.hospitalId(), trainee.departmentId(), trainee.staffNo(), trainee.name(),
                trainee.profession(), trainee.title(), null, trainee.earliestStart(), trainee.notes());
    }

    /** The curricula, competencies and mentors' names a record is made with, read once per transaction. */
    private static final class Names {
        private final Map<Long, Competency> competencies;
        private final Map<Long, List<Competency>> curricula;
        private final Map<Long, String> mentors;

        Names(Tx tx) {
            var all = tx.dao(CompetencyDao.class).list();
            // every competency, not only the curriculum's: an entry may name one of a department the trainee left
            competencies = all.stream().collect(Collectors.toMap(Competency::id, c -> c));
            curricula = all.stream().collect(Collectors.groupingBy(Competency::departmentId));
            mentors = tx.dao(MentorDao.class).list().stream().collect(Collectors.toMap(Mentor::id, Mentor::name));
        }

        TraineeRecord record(Trainee trainee, List<CalendarEntry> rotations, List<SignOff> entries, String head) {
            var amended = TraineeProgress.amendedIds(entries);
            var lines = entries.stream().map(entry -> new SignOffLine(entry, competencies.get(entry.competencyId()),
                    mentors.getOrDefault(entry.mentorId(), ""), amended.contains(entry.id()))).toList();
            var hospital = rotations.isEmpty() ? "" : rotations.get(0).homeHospitalName();
            var department = rotations.isEmpty() ? "" : rotations.get(0).homeDepartmentName();
            // curriculum order: sort_order, then id, as the store lists it
            var curriculum = curricula.getOrDefault(trainee.departmentId(), List.of());
            return new TraineeRecord(trainee, hospital, department, rotations, lines,
                    TraineeProgress.of(curriculum, entries), head);
        }
    }

    private void audit(Tx tx, Session who, String action, String detail) {
        tx.dao(AuditDao.class).record(clock.instant(), who.user().username(), action, detail);
    }

    private static String describe(SignOffRequest request) {
        if (request == null) {
            return "";
        }
        return "trainee=" + request.traineeId() + " competency=" + request.competencyId() + " on="
                + request.performedOn() + " level=" + request.level() + " count=" + request.count();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
