package org.kora.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.kora.domain.Block;
import org.kora.domain.BlockKind;
import org.kora.domain.Cohort;
import org.kora.domain.Competency;
import org.kora.domain.DateRange;
import org.kora.domain.Department;
import org.kora.domain.Deployment;
import org.kora.domain.HospitalKind;
import org.kora.domain.Leave;
import org.kora.domain.Messages;
import org.kora.domain.Mentor;
import org.kora.domain.Rotation;
import org.kora.domain.Role;
import org.kora.domain.SignOff;
import org.kora.domain.SignOffLevel;
import org.kora.domain.Trainee;
import org.kora.service.DemoCalendar.Slot;
import org.kora.service.DemoCalendar.Stage;
import org.kora.service.DemoRoster.Expert;
import org.kora.service.DemoRoster.Pairing;
import org.kora.service.DemoRoster.Unit;
import org.kora.store.BlackoutDao;
import org.kora.store.CohortDao;
import org.kora.store.CompetencyDao;
import org.kora.store.DepartmentDao;
import org.kora.store.HospitalDao;
import org.kora.store.MentorDao;
import org.kora.store.SignOffLedger;
import org.kora.store.Store;
import org.kora.store.TraineeDao;
import org.kora.store.Tx;
import org.kora.store.UserDao;

/**
 * Fills an empty database with a demo modelled on the Shuangliu → Batang program: two hospital
 * pairings, about forty trainees, their mentors, cohorts from four years ago to next year, leave,
 * blackouts, curricula and hash-chained sign-offs, and one account per role (password "demo").
 * The demo is anchored on today's date and made with a fixed seed, so it is the same for the same
 * day, and it breaks none of the planning rules: each cohort is filled within its departments'
 * limits, and cohorts follow each other so that no two share a day of the same kind of block.
 */
public final class DemoService {
    /** The password of every demo account. */
    private static final String PASSWORD = "demo";
    private static final String ADMIN = "admin";
    private static final String HR = "hr";
    private static final String MANAGER = "manager";
    private static final String MENTOR = "mentor";

    /** Any fixed seed: the demo must come out the same for the same day. */
    private static final long SEED = 33L;
    /** Garzê keeps Beijing time, so sign-offs are signed in working hours there. */
    private static final ZoneId SITE_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);
    private static final List<String> LEAVE_REASONS = List.of("婚假", "病假", "探亲假", "年休假", "参加职称考试");
    private static final List<String> MOBILE_PREFIXES = List.of("133", "139", "150", "158", "177", "180", "189", "199");

    private final Store store;
    private final PasswordHasher hasher;
    private final Clock clock;

    /** The demo's accounts and their password, as the welcome screen, sign-in and {@code kora demo} tell them. */
    public static String accountsText(Messages messages) {
        return messages.format("welcome.demo.accounts", String.join(", ", ADMIN, HR, MANAGER, MENTOR), PASSWORD);
    }

    public DemoService(Store store, PasswordHasher hasher, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** A home department with its partner department and its mentor, as inserted. */
    private record Team(Pairing pairing, Unit unit, Expert expert, long homeHospitalId, long homeId, long hostId,
                        long mentorId) {
        /** How many of this department one cohort may take: away allowance, host and mentor capacity at once. */
        int perCohort() {
            return Math.min(unit.headcount() - unit.minOnDuty(), Math.min(unit.hostCapacity(), expert.capacity()));
        }
    }

    /** A trainee as inserted, with the spans of the rotations already given to them. */
    private record Member(long id, Team team, LocalDate earliestStart, List<DateRange> busy) {
        boolean canJoin(Slot slot) {
            var span = slot.start().span();
            return (earliestStart == null || !earliestStart.isAfter(span.from()))
                    && busy.stream().noneMatch(span::overlaps);
        }
    }

    /** A rotation as inserted; {@code planned} when it has its two blocks. */
    private record Placement(long traineeId, Team team, Slot slot, boolean planned) {
    }

    /** A sign-off before it joins the chain; an amendment names the draft it corrects. */
    private record Draft(SignOff entry, SignOff amends, String amendReason) {
    }

    /**
     * Fills an empty database with the demo, in one transaction; refuses
     * ({@code InvalidInputException("demo.notEmpty")}) if it has any account.
     */
    public void populate() {
        var today = LocalDate.now(clock);
        var now = clock.instant();
        store.inTransaction(tx -> {
            if (tx.dao(UserDao.class).count() > 0) {
                throw new InvalidInputException("demo.notEmpty");
            }
            var random = new Random(SEED);
            var calendar = new DemoCalendar(today);
            var teams = insertHospitals(tx);
            var members = insertTrainees(tx, teams, today, random);
            calendar.blackouts().forEach(tx.dao(BlackoutDao.class)::insert);
            var placements = insertCohorts(tx, calendar, members, random);
            insertDeployments(tx, teams, placements, random);
            insertLeave(tx, members, LocalDate.of(calendar.firstYear(), 1, 1), random);
            var mentor = busiestMentorToday(teams, placements, today);
            insertSignOffs(tx, placements, insertCurricula(tx, teams), mentor, today, now, random);
            insertAccounts(tx, mentor, now);
            return null;
        });
    }

    private static List<Team> insertHospitals(Tx tx) {
        var hospitals = tx.dao(HospitalDao.class);
        var departments = tx.dao(DepartmentDao.class);
        var mentors = tx.dao(MentorDao.class);
        var teams = new ArrayList<Team>();
        for (var pairing : DemoRoster.PAIRINGS) {
            var homeId = hospitals.insert(pairing.home(), HospitalKind.HOME);
            var partnerId = hospitals.insert(pairing.partner(), HospitalKind.PARTNER);
            hospitals.insertPartnership(homeId, partnerId);
            for (var unit : pairing.units()) {
                var home = Department.home(0, homeId, unit.name(), unit.headcount(), unit.minOnDuty());
                var homeDepartmentId = departments.insert(home);
                var hostId = departments.insert(Department.partner(0, partnerId, unit.name(), unit.hostCapacity()));
                var expert = expertOf(pairing, unit);
                var staffNo = String.format(Locale.ROOT, "%s%04d", pairing.staffPrefix(), 301 + 17 * teams.size());
                var mentorId = mentors.insert(new Mentor(0, partnerId, homeDepartmentId, staffNo, expert.name(),
                        expert.capacity()));
                teams.add(new Team(pairing, unit, expert, homeId, homeDepartmentId, hostId, mentorId));
            }
        }
        return teams;
    }

    private static Expert expertOf(Pairing pairing, Unit unit) {
        return pairing.experts().stream().filter(expert -> expert.unit().equals(unit.name())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no mentor for " + pairing.home() + " " + unit.name()));
    }

    private static List<Member> insertTrainees(Tx tx, List<Team> teams, LocalDate today, Random random) {
        var trainees = tx.dao(TraineeDao.class);
        // newcomers may go once they have served a few more months, which a waiting cohort can respect
        var newcomersFrom = today.withDayOfMonth(1).plusMonths(3);
        var members = new ArrayList<Member>();
        for (var pairing : DemoRoster.PAIRINGS) {
            var number = 5 + random.nextInt(10);
            for (var person : pairing.people()) {
                var team = teams.stream().filter(t -> t.pairing() == pairing && t.unit().name().equals(person.unit()))
                        .findFirst().orElseThrow();
                var earliest = person.newcomer() ? newcomersFrom : null;
                var notes = person.newcomer() ? "新入职，" + CHINESE_DATE.format(newcomersFrom) + "起可参加外派"
                        : person.notes();
                var staffNo = String.format(Locale.ROOT, "%04d", number);
                number += 1 + random.nextInt(9);
                var id = trainees.insert(new Trainee(0, team.homeHospitalId(), team.homeId(), staffNo, person.name(),
                        person.profession(), person.title(), phone(random), earliest, notes));
                members.add(new Member(id, team, earliest, new ArrayList<>()));
            }
        }
        return members;
    }

    /** A mobile number, or now and then a desk phone with Garzê's area code. */
    private static String phone(Random random) {
        if (random.nextInt(5) == 0) {
            return String.format(Locale.ROOT, "0836-56%05d", random.nextInt(100_000));
        }
        return String.format(Locale.ROOT, "%s %04d %04d", MOBILE_PREFIXES.get(random.nextInt(MOBILE_PREFIXES.size())),
                random.nextInt(10_000), random.nextInt(10_000));
    }

    private static List<Placement> insertCohorts(Tx tx, DemoCalendar calendar, List<Member> members, Random random) {
        var cohorts = tx.dao(CohortDao.class);
        var placements = new ArrayList<Placement>();
        for (var slot : calendar.cohorts()) {
            var template = slot.start().template();
            var cohortId = cohorts.insert(new Cohort(0, slot.name(), template.offSiteMonths(), template.onSiteMonths(),
                    template.travelDays(), template.startRule()));
            var dates = slot.dates();
            var planned = slot.stage() != Stage.WAITING;
            // a cohort not yet confirmed keeps some slack for the planner
            var latestEnd = slot.stage() == Stage.CONFIRMED ? null : dates.onSite().to().plusMonths(3);
            for (var member : choose(slot, members, random)) {
                var team = member.team();
                var rotationId = cohorts.insertRotation(new Rotation(0, cohortId, member.id(), team.hostId(),
                        slot.start().day(), latestEnd, slot.stage() == Stage.CONFIRMED));
                if (planned) {
                    cohorts.insertBlock(new Block(0, rotationId, BlockKind.OFF_SITE, dates.offSite().from(),
                            dates.offSite().to(), team.hostId(), null));
                    cohorts.insertBlock(new Block(0, rotationId, BlockKind.ON_SITE, dates.onSite().from(),
                            dates.onSite().to(), team.homeId(), team.mentorId()));
                }
                // a waiting rotation's intended dates are kept free too, so the planner can place it
                member.busy().add(slot.start().span());
                placements.add(new Placement(member.id(), team, slot, planned));
            }
        }
        return placements;
    }

    /**
     * Three to six trainees (three to five for a cohort not yet started), those who have never
     * gone first, and no more from a department than it can spare, host and mentor at once.
     */
    private static List<Member> choose(Slot slot, List<Member> members, Random random) {
        var size = 3 + random.nextInt(slot.stage() == Stage.CONFIRMED ? 4 : 3);
        var candidates = new ArrayList<>(members.stream().filter(member -> member.canJoin(slot)).toList());
        Collections.shuffle(candidates, random);
        candidates.sort(Comparator.comparingInt(member -> member.busy().size()));
        var perTeam = new HashMap<Long, Integer>();
        var chosen = new ArrayList<Member>();
        for (var member : candidates) {
            if (chosen.size() == size) {
                break;
            }
            var taken = perTeam.getOrDefault(member.team().homeId(), 0);
            if (taken < member.team().perCohort()) {
                perTeam.put(member.team().homeId(), taken + 1);
                chosen.add(member);
            }
        }
        return chosen;
    }

    /** Each mentor is deployed around every on-site block of their department, a waiting cohort's included. */
    private static void insertDeployments(Tx tx, List<Team> teams, List<Placement> placements, Random random) {
        var mentors = tx.dao(MentorDao.class);
        for (var team : teams) {
            var windows = placements.stream().filter(placement -> placement.team() == team)
                    .map(placement -> placement.slot().dates().onSite()).distinct().toList();
            for (var stay : DemoCalendar.deployments(windows, random)) {
                mentors.insertDeployment(new Deployment(0, team.mentorId(), stay.from(), stay.to()));
            }
        }
    }

    /** A few trainees take leave inside the demo's years, before their first rotation or after their last. */
    private static void insertLeave(Tx tx, List<Member> members, LocalDate firstDay, Random random) {
        var travellers = new ArrayList<>(members.stream().filter(member -> !member.busy().isEmpty()).toList());
        Collections.shuffle(travellers, random);
        var trainees = tx.dao(TraineeDao.class);
        for (var member : travellers.subList(0, Math.min(5, travellers.size()))) {
            var days = 4 + random.nextInt(20);
            var gap = 10 + random.nextInt(60);
            DateRange leave;
            var before = member.busy().get(0).from().minusDays(gap);
            if (random.nextBoolean() && before.minusDays(days).isAfter(firstDay)) {
                leave = DateRange.of(before.minusDays(days), before);
            } else {
                var from = member.busy().get(member.busy().size() - 1).to().plusDays(gap);
                leave = DateRange.of(from, from.plusDays(days));
            }
            var reason = LEAVE_REASONS.get(random.nextInt(LEAVE_REASONS.size()));
            trainees.insertLeave(new Leave(0, member.id(), leave.from(), leave.to(), reason));
        }
    }

    private static Map<Long, List<Competency>> insertCurricula(Tx tx, List<Team> teams) {
        var competencies = tx.dao(CompetencyDao.class);
        var curricula = new HashMap<Long, List<Competency>>();
        for (var team : teams) {
            var items = new ArrayList<Competency>();
            var order = 0;
            for (var skill : DemoRoster.CURRICULA.get(team.unit().name())) {
                order++;
                var item = new Competency(0, team.homeId(), skill.nameZh(), skill.nameEn(), skill.category(),
                        skill.requiredCount(), skill.level(), order);
                var id = competencies.insert(item);
                items.add(new Competency(id, item.departmentId(), item.nameZh(), item.nameEn(), item.category(),
                        item.requiredCount(), item.achievedLevel(), item.sortOrder()));
            }
            curricula.put(team.homeId(), items);
        }
        return curricula;
    }

    /**
     * The mentor whom the {@code mentor} account signs for: the one with the most mentees on site
     * today, preferring the first pairing's (Shuangliu's), the program the demo is modelled on.
     */
    private static Team busiestMentorToday(List<Team> teams, List<Placement> placements, LocalDate today) {
        Team busiest = null;
        var most = 0L;
        for (var pairing : DemoRoster.PAIRINGS) {
            for (var team : teams.stream().filter(t -> t.pairing() == pairing).toList()) {
                var mentees = placements.stream().filter(p -> p.team() == team && p.planned()
                        && p.slot().dates().onSite().contains(today)).count();
                if (mentees > most) {
                    busiest = team;
                    most = mentees;
                }
            }
            if (busiest != null) {
                return busiest;
            }
        }
        throw new IllegalStateException("no trainee is on site on " + today);
    }

    /**
     * Sign-offs of every on-site block that has begun (up to three days ago), by the block's mentor,
     * levels rising over the block; then one amendment; all chained in the order they were signed.
     */
    private static void insertSignOffs(Tx tx, List<Placement> placements, Map<Long, List<Competency>> curricula,
                                       Team demoMentor, LocalDate today, Instant now, Random random) {
        var drafts = new ArrayList<Draft>();
        for (var placement : placements) {
            if (placement.planned()) {
                for (var entry : performances(placement, curricula.get(placement.team().homeId()), today, random)) {
                    if (entry.signedAt().isBefore(now)) {
                        drafts.add(new Draft(entry, null, null));
                    }
                }
            }
        }
        drafts.add(amendment(drafts, demoMentor, today));
        drafts.sort(Comparator.comparing(draft -> draft.entry().signedAt()));

        var ids = new IdentityHashMap<SignOff, Long>();
        for (var draft : drafts) {
            var e = draft.entry();
            var amendsId = draft.amends() == null ? null : ids.get(draft.amends());
            ids.put(e, SignOffLedger.append(tx, new SignOff(0, e.traineeId(), e.competencyId(), e.performedOn(), e.level(),
                    e.count(), e.caseReference(), e.comment(), e.mentorId(), e.signedAt(), amendsId, draft.amendReason(),
                    null, null)).id());
        }
    }

    /**
     * A finished on-site block usually (three times in four) completed the whole curriculum, so that
     * the demo has certificates to print; otherwise two to four competencies of the curriculum, each
     * performed one to three times at rising levels.
     */
    private static List<SignOff> performances(Placement placement, List<Competency> curriculum, LocalDate today,
                                              Random random) {
        var block = placement.slot().dates().onSite();
        var last = block.to().isBefore(today.minusDays(3)) ? block.to() : today.minusDays(3);
        if (last.isBefore(block.from())) {
            return List.of();
        }
        var days = (int) DateRange.of(block.from(), last).days();
        if (block.to().isBefore(today) && random.nextInt(4) != 0) {
            return completed(placement, curriculum, days, random);
        }
        var skills = new ArrayList<>(curriculum);
        Collections.shuffle(skills, random);
        var entries = new ArrayList<SignOff>();
        for (var skill : skills.subList(0, Math.min(skills.size(), 2 + random.nextInt(3)))) {
            var dates = new ArrayList<LocalDate>();
            for (var i = 1 + random.nextInt(3); i > 0; i--) {
                dates.add(block.from().plusDays(random.nextInt(days)));
            }
            Collections.sort(dates);
            var level = random.nextInt(2);
            for (var performed : dates) {
                entries.add(performance(placement, skill, performed, SignOffLevel.values()[level], random));
                // mostly one step up per performance: the trainee grows more independent over the block
                level = Math.min(SignOffLevel.values().length - 1, level + (random.nextInt(5) == 0 ? 0 : 1));
            }
        }
        return entries;
    }

    /**
     * Every competency of the curriculum achieved over the block: first one performance below the
     * achieved level (when there is one), then enough at it to reach the required count.
     */
    private static List<SignOff> completed(Placement placement, List<Competency> curriculum, int days, Random random) {
        var block = placement.slot().dates().onSite();
        var entries = new ArrayList<SignOff>();
        for (var skill : curriculum) {
            var target = skill.achievedLevel();
            var first = block.from().plusDays(random.nextInt(Math.max(1, days / 3)));
            if (target != SignOffLevel.OBSERVED) {
                entries.add(performance(placement, skill, first, SignOffLevel.values()[target.ordinal() - 1], random));
            }
            var done = 0;
            while (done < skill.requiredCount()) {
                var performed = first.plusDays(1 + random.nextInt(Math.max(1, days - (int) DateRange.of(block.from(),
                        first).days())));
                var entry = performance(placement, skill, performed, target, random);
                entries.add(entry);
                done += entry.count();
            }
        }
        return entries;
    }

    private static SignOff performance(Placement placement, Competency skill, LocalDate performed, SignOffLevel level,
                                       Random random) {
        var count = random.nextInt(4) == 0 ? 2 + random.nextInt(2) : 1;
        String caseReference = null;
        if (random.nextInt(5) < 2) {
            var outpatient = List.of(DemoRoster.OPHTHALMOLOGY, DemoRoster.STOMATOLOGY, DemoRoster.HEALTH_CHECK)
                    .contains(placement.team().unit().name());
            caseReference = String.format(Locale.ROOT, "%s %d-%04d", outpatient ? "门诊号" : "住院号", performed.getYear(),
                    1 + random.nextInt(9_999));
        }
        var comments = DemoRoster.COMMENTS;
        var comment = random.nextInt(6) == 0 ? comments.get(random.nextInt(comments.size())) : null;
        // signed the same evening, or the next morning
        var signedAt = random.nextInt(5) == 0
                ? performed.plusDays(1).atTime(8 + random.nextInt(4), random.nextInt(60), random.nextInt(60))
                : performed.atTime(17 + random.nextInt(5), random.nextInt(60), random.nextInt(60));
        var instant = signedAt.atZone(SITE_ZONE).toInstant().plusMillis(random.nextInt(1_000))
                .truncatedTo(ChronoUnit.MILLIS);
        return new SignOff(0, placement.traineeId(), skill.id(), performed, level, count, caseReference, comment,
                placement.team().mentorId(), instant, null, null, null, null);
    }

    /**
     * An "independent" sign-off of a finished block, corrected two days later to "supervised" by
     * its mentor: shows that a correction is a new entry and the original stays. The demo mentor's
     * own earliest such entry if there is one, so that signing in as {@code mentor} shows it.
     */
    private static Draft amendment(List<Draft> drafts, Team mentor, LocalDate today) {
        var original = drafts.stream()
                .map(Draft::entry)
                .filter(entry -> entry.level() == SignOffLevel.INDEPENDENT
                        && entry.performedOn().isBefore(today.minusMonths(3)))
                .min(Comparator.comparing((SignOff entry) -> entry.mentorId() != mentor.mentorId())
                        .thenComparing(SignOff::signedAt))
                .orElseThrow(() -> new IllegalStateException("no independent sign-off to amend"));
        var corrected = new SignOff(0, original.traineeId(), original.competencyId(), original.performedOn(),
                SignOffLevel.SUPERVISED, original.count(), original.caseReference(), null, original.mentorId(),
                original.signedAt().plus(2, ChronoUnit.DAYS), null, null, null, null);
        return new Draft(corrected, original, "误选为独立完成，本次实为带教专家指导下完成");
    }

    private void insertAccounts(Tx tx, Team mentor, Instant now) {
        var users = tx.dao(UserDao.class);
        users.insert(ADMIN, "系统管理员", hash(), Role.ADMIN, null, now);
        users.insert(HR, "人事科 泽仁央宗", hash(), Role.HR, null, now);
        users.insert(MANAGER, "院长 格绒多吉", hash(), Role.MANAGER, null, now);
        users.insert(MENTOR, mentor.expert().name(), hash(), Role.MENTOR, mentor.mentorId(), now);
    }

    /** Each account gets its own salt, though all share the demo password. */
    private String hash() {
        return hasher.hash(PASSWORD.toCharArray());
    }
}
