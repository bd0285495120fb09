package org.kora.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kora.domain.Block;
import org.kora.domain.BlockKind;
import org.kora.domain.CalendarEntry;
import org.kora.domain.Cohort;
import org.kora.domain.DateRange;
import org.kora.domain.HospitalKind;
import org.kora.domain.Leave;
import org.kora.domain.Permission;
import org.kora.domain.ProgramTemplate;
import org.kora.domain.Rotation;
import org.kora.domain.Trainee;
import org.kora.planning.Assignment;
import org.kora.planning.ConflictFinder;
import org.kora.planning.Plan;
import org.kora.planning.PlanningProblem;
import org.kora.planning.TraineeSpec;
import org.kora.store.AuditDao;
import org.kora.store.CalendarDao;
import org.kora.store.CohortDao;
import org.kora.store.DepartmentDao;
import org.kora.store.HospitalDao;
import org.kora.store.SettingDao;
import org.kora.store.Store;
import org.kora.store.TraineeDao;
import org.kora.store.Tx;

/**
 * The rotation calendar of the whole program, for everyone who may see it, and moves made on it,
 * for those who may plan cohorts. Conflicts are those of the seven planning rules, checked over
 * every planned rotation at once; a rotation's window is its own and the trainee's earliest start
 * and its latest end, and a trainee is unavailable on leave and during their other rotations.
 */
public final class CalendarService {
    /** The setting that names the database for good: the iCalendar export's event ids carry it. */
    static final String DATABASE_ID = "database.id";
    /** How far past the last block a move may still take a rotation. */
    private static final int ROOM_YEARS = 2;

    private final Store store;
    private final Clock clock;

    public CalendarService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Every rotation, with what the calendar needs to filter, mark conflicts and check moves. */
    public CalendarData load(Session who) {
        who.require(Permission.VIEW_CALENDAR);
        return store.inTransaction(tx -> read(tx, LocalDate.now(clock)));
    }

    /**
     * Writes moves made on the calendar, all or none, with one audit line. Refused, writing nothing,
     * with {@code calendar.notMovable} for a rotation that is confirmed or has started (today or
     * before), and with {@code calendar.stale} when a rotation's blocks are no longer where the
     * calendar read them.
     */
    public void saveMoves(Session who, List<CalendarMove> moves) {
        who.require(Permission.PLAN_COHORTS);
        var today = LocalDate.now(clock);
        store.inTransaction(tx -> {
            var cohorts = tx.dao(CohortDao.class);
            var rotations = cohorts.rotations().stream().collect(Collectors.toMap(Rotation::id, Function.identity()));
            var trainees = tx.dao(TraineeDao.class).list().stream().collect(Collectors.toMap(Trainee::id, Function.identity()));
            for (var move : moves) {
                var rotation = rotations.get(move.rotationId());
                var blocks = cohorts.blocksOfRotation(move.rotationId());
                var offSite = blocks.stream().filter(block -> block.kind() == BlockKind.OFF_SITE).findFirst();
                var name = rotation == null ? String.valueOf(move.rotationId()) : trainees.get(rotation.traineeId()).name();
                if (rotation == null || offSite.isEmpty() || !offSite.get().range().equals(move.was())) {
                    throw new InvalidInputException("calendar.stale", name);
                }
                if (rotation.confirmed() || !move.was().from().isAfter(today) || !move.offSite().from().isAfter(today)) {
                    throw new InvalidInputException("calendar.notMovable", name);
                }
                cohorts.deleteBlocks(rotation.id());
                cohorts.insertBlock(new Block(0, rotation.id(), BlockKind.OFF_SITE, move.offSite().from(), move.offSite().to(),
                        rotation.hostDepartmentId(), null));
                cohorts.insertBlock(new Block(0, rotation.id(), BlockKind.ON_SITE, move.onSite().from(), move.onSite().to(),
                        trainees.get(rotation.traineeId()).departmentId(), move.mentorId()));
            }
            tx.dao(AuditDao.class).record(clock.instant(), who.user().username(), "CALENDAR_MOVED",
                    "rotations=" + moves.stream().map(CalendarMove::rotationId).toList());
            return null;
        });
    }

    private static CalendarData read(Tx tx, LocalDate today) {
        var cohortDao = tx.dao(CohortDao.class);
        var cohorts = cohortDao.list();
        var templates = cohorts.stream().collect(Collectors.toMap(Cohort::id, Cohort::template));
        var rows = tx.dao(CalendarDao.class).rows();
        var program = commonest(rows.stream().map(row -> templates.get(row.cohortId())).toList());

        var traineeDao = tx.dao(TraineeDao.class);
        var trainees = traineeDao.list().stream().collect(Collectors.toMap(Trainee::id, Function.identity()));
        var leave = traineeDao.leave().stream().collect(Collectors.groupingBy(Leave::traineeId));
        var rotations = cohortDao.rotations();
        var rotationsById = rotations.stream().collect(Collectors.toMap(Rotation::id, Function.identity()));
        // a trainee's other rotations, looked up per trainee: scanning every rotation for each one
        // took about a second at 10,000 trainees (docs/performance.md, "Rotation calendar")
        var rotationsOfTrainee = rotations.stream().collect(Collectors.groupingBy(Rotation::traineeId));
        var blocks = cohortDao.blocks().stream().collect(Collectors.groupingBy(Block::rotationId));

        var entries = rows.stream().map(row -> row.entry()).toList();
        var planned = entries.stream().filter(CalendarEntry::planned).toList();
        var first = planned.stream().map(entry -> entry.offSite().from()).min(Comparator.naturalOrder()).orElse(today);
        var last = planned.stream().map(entry -> entry.onSite().to()).max(Comparator.naturalOrder()).orElse(today);
        var horizon = DateRange.of(min(first, today.withDayOfMonth(1)), max(last, today).plusYears(ROOM_YEARS));

        var resources = PlanningResources.read(tx);
        var names = new HashMap<>(resources.names());
        var specs = new ArrayList<TraineeSpec>();
        var assignments = new ArrayList<Assignment>();
        for (var entry : planned) {
            var rotation = rotationsById.get(entry.rotationId());
            var trainee = trainees.get(entry.traineeId());
            var key = PlanPreview.rotationKey(entry.rotationId());
            names.put(key, entry.traineeName());
            specs.add(new TraineeSpec(key, PlanPreview.departmentKey(entry.homeDepartmentId()),
                    PlanPreview.departmentKey(entry.hostDepartmentId()),
                    CohortSnapshot.earliestStart(rotation, trainee, horizon.from()), rotation.latestEnd(),
                    CohortSnapshot.unavailable(rotation, rotationsOfTrainee.get(trainee.id()), blocks,
                            leave.getOrDefault(trainee.id(), List.of()))));
            assignments.add(new Assignment(key, entry.offSite(), entry.onSite(), PlanPreview.mentorKey(entry.mentorId())));
        }
        var problem = new PlanningProblem(horizon, program, resources.blackouts(), resources.hosts(), resources.homes(),
                resources.mentors(), specs, List.of());
        var plan = new Plan(assignments, List.of());
        var inConflict = new HashSet<Long>();
        ConflictFinder.find(problem, plan).stream().filter(conflict -> conflict.rule().isPlanningRule())
                .forEach(conflict -> conflict.trainees().forEach(key -> inConflict.add(PlanPreview.idOf(key))));

        var cohortOrder = new HashMap<Long, Integer>();
        var byName = cohorts.stream().sorted(Comparator.comparing(Cohort::name, NameOrder.names())).toList();
        byName.forEach(cohort -> cohortOrder.put(cohort.id(), cohortOrder.size()));
        var marked = entries.stream().map(entry -> inConflict.contains(entry.rotationId()) ? entry.marked(true) : entry)
                .sorted(Comparator.comparing((CalendarEntry entry) -> cohortOrder.get(entry.cohortId()))
                        .thenComparing(CalendarEntry::traineeName, NameOrder.names())
                        .thenComparingLong(CalendarEntry::rotationId))
                .toList();
        var homeDepartments = tx.dao(DepartmentDao.class).list().stream()
                .filter(department -> department.kind() == HospitalKind.HOME)
                .sorted(Comparator.comparing(department -> department.name(), NameOrder.names())).toList();
        var hospitals = tx.dao(HospitalDao.class).list().stream()
                .filter(hospital -> hospital.kind() == HospitalKind.HOME).toList();
        return new CalendarData(today, databaseId(tx), marked, hospitals, homeDepartments, byName, problem, plan, names);
    }


    /** The database's own id, made the first time it is asked for and never changed. */
    private static String databaseId(Tx tx) {
        var settings = tx.dao(SettingDao.class);
        return settings.find(DATABASE_ID).orElseGet(() -> {
            var id = UUID.randomUUID().toString();
            settings.insert(DATABASE_ID, id);
            return id;
        });
    }

    private static ProgramTemplate commonest(List<ProgramTemplate> templates) {
        return templates.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.<ProgramTemplate, Long>comparingByValue())
                .map(Map.Entry::getKey).orElse(ProgramTemplate.DEFAULT);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
