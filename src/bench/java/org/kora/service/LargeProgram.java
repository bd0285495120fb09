package org.kora.service;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.kora.domain.Blackout;
import org.kora.domain.Block;
import org.kora.domain.BlockKind;
import org.kora.domain.Cohort;
import org.kora.domain.DateRange;
import org.kora.domain.Department;
import org.kora.domain.Deployment;
import org.kora.domain.Festivals;
import org.kora.domain.HospitalKind;
import org.kora.domain.Leave;
import org.kora.domain.Mentor;
import org.kora.domain.Profession;
import org.kora.domain.ProgramCalendar;
import org.kora.domain.ProgramTemplate;
import org.kora.domain.Role;
import org.kora.domain.Rotation;
import org.kora.domain.Trainee;
import org.kora.store.BlackoutDao;
import org.kora.store.CohortDao;
import org.kora.store.DatabaseFile;
import org.kora.store.DepartmentDao;
import org.kora.store.HospitalDao;
import org.kora.store.MentorDao;
import org.kora.store.Store;
import org.kora.store.TraineeDao;
import org.kora.store.Tx;

/**
 * Creates the database of a large program for the calendar benchmarks (docs/performance.md,
 * "Rotation calendar"): {@code LargeProgram FILE [TRAINEES]} (default 10,000), refusing a file
 * that exists. Four home hospitals, each paired with a partner hospital, ten departments on each
 * side (forty home departments, sized at random around the mean), four mentors or more per home
 * department deployed around the on-site blocks they mentor, festival blackouts, forty cohorts of
 * the 3+3 template about two months apart from four years ago on, and one rotation per trainee
 * with both blocks; cohorts that have started are confirmed. Names are Chinese, Tibetan in Chinese
 * characters, and some in Tibetan script. Partner capacities are sized for the two cohorts that
 * overlap, one department in eight a place short, and a few trainees take leave inside their
 * rotation, so a small share of rotations is in conflict, as in a real program. Made with a fixed
 * seed, all in one transaction through the DAOs, with two accounts: {@code admin} and the planner
 * {@code hr}, both with the password {@value #PASSWORD}; the password hashing follows
 * {@code -Dkora.passwordIterations} as the program does (the benchmarks use 1000).
 */
public final class LargeProgram {
    /** The password of both accounts. */
    public static final String PASSWORD = "bench-password";
    /** The planner's account, which the benchmarks sign in with. */
    public static final String PLANNER = "hr";

    private static final long SEED = 20261124L;
    private static final int COHORTS = 40;
    private static final int MENTOR_CAPACITY = 4;
    private static final ProgramTemplate TEMPLATE = ProgramTemplate.DEFAULT;
    private static final String[][] PAIRINGS = {
        {"巴塘县人民医院", "成都市双流区第一人民医院", "SL"},
        {"理塘县人民医院", "成都市温江区人民医院", "WJ"},
        {"稻城县人民医院", "成都市郫都区人民医院", "PD"},
        {"乡城县人民医院", "成都市新都区人民医院", "XD"},
    };
    private static final String[] DEPARTMENTS = {"麻醉科", "眼科", "急诊科", "血液透析室", "口腔科", "产科", "内科",
        "普外科", "健康体检中心", "儿科"};
    private static final String HAN_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方邹熊秦邱江尹薛段雷侯龙陶贺顾毛龚邵严武戴孔向汤";
    private static final String HAN_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力鹏宇浩晨欣怡婷雪琳志国海燕佳慧";
    private static final String[] TIBETAN_IN_HAN = {"扎西", "次仁", "多吉", "卓玛", "拉姆", "央金", "格桑", "尼玛", "达瓦",
        "洛绒", "泽仁", "降措", "曲珍", "四郎", "顿珠", "德吉", "旺姆", "益西", "措姆", "仁青", "降央", "平措", "边巴",
        "索朗", "罗布", "白玛", "丹增", "贡布", "嘎玛", "群培"};
    private static final String[] TIBETAN = {"ཚེ་དབང་རྡོ་རྗེ", "བཀྲ་ཤིས་ཚེ་རིང", "བདེ་སྐྱིད་སྒྲོལ་མ", "སྐལ་བཟང་ཆོས་སྒྲོན",
        "པདྨ་ལྷ་མོ", "ཉི་མ་དོན་གྲུབ", "བསོད་ནམས་ནོར་བུ", "བསྟན་འཛིན་དབང་ཕྱུག", "ལྷ་མོ་སྒྲོལ་མ", "ཟླ་བ་ཚེ་རིང",
        "ཡེ་ཤེས་མཚོ་མོ", "དབྱངས་ཅན་སྒྲོལ་མ", "ཀུན་བཟང་སྒྲོལ་མ", "ནོར་བུ་དོན་གྲུབ", "ཆོས་ཀྱི་ཉི་མ"};
    private static final String[] TITLES = {"住院医师", "主治医师", "护师", "主管护师", "技师", "护士"};

    /** A home department with its partner department and its mentors, in two groups for alternate cohorts. */
    private record Team(int pairing, long hospitalId, long homeId, long hostId, int trainees, List<List<Long>> mentors,
                        List<List<DateRange>> stays) {
    }

    private LargeProgram() {
    }

    public static void main(String[] args) {
        var file = DatabaseFile.of(Path.of(args[0]));
        var trainees = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        var start = System.nanoTime();
        var clock = Clock.systemDefaultZone();
        var hasher = new PasswordHasher(Integer.getInteger("kora.passwordIterations", PasswordHasher.DEFAULT_ITERATIONS));
        try (var store = Store.create(file)) {
            var counts = store.inTransaction(tx -> populate(tx, trainees, LocalDate.now(clock)));
            var auth = new AuthService(store, hasher, clock);
            var admin = auth.createFirstAdministrator("admin", "系统管理员", PASSWORD.toCharArray());
            new UserService(store, hasher, clock).createAccount(admin, PLANNER, "人事科 泽仁央宗", Role.HR, null,
                    PASSWORD.toCharArray());
            System.out.printf("%s: %s in %.1f s%n", file, counts, (System.nanoTime() - start) / 1e9);
        }
    }

    private static String populate(Tx tx, int count, LocalDate today) {
        var random = new Random(SEED);
        var starts = cohortStarts(today);
        var firstYear = starts.get(0).getYear();
        var lastYear = starts.get(starts.size() - 1).getYear() + 1;
        var blackouts = tx.dao(BlackoutDao.class);
        for (var year = firstYear; year <= lastYear; year++) {
            blackouts.insert(Festivals.springFestivalBlackout(year));
            blackouts.insert(Festivals.losarBlackout(year));
        }
        var teams = insertTeams(tx, count, random);
        var cohortDao = tx.dao(CohortDao.class);
        var cohortIds = new ArrayList<Long>();
        var perYear = new int[lastYear - firstYear + 1];
        for (var start : starts) {
            var number = ++perYear[start.getYear() - firstYear];
            cohortIds.add(cohortDao.insert(new Cohort(0, String.format(Locale.ROOT, "%d年第%d批", start.getYear(), number),
                    TEMPLATE.offSiteMonths(), TEMPLATE.onSiteMonths(), TEMPLATE.travelDays(), TEMPLATE.startRule())));
        }

        var traineeDao = tx.dao(TraineeDao.class);
        var staffNumbers = new int[PAIRINGS.length];
        var rotations = 0;
        var leave = 0;
        for (var team : teams) {
            // trainees of a department spread over the cohorts in turn (which cohorts get one more
            // chosen at random), in a shuffled order
            var offset = random.nextInt(COHORTS);
            var order = new ArrayList<Integer>();
            for (var i = 0; i < team.trainees(); i++) {
                order.add((i + offset) % COHORTS);
            }
            Collections.shuffle(order, random);
            var mentees = new int[COHORTS];
            for (var cohort : order) {
                var profession = Profession.values()[random.nextInt(10) < 5 ? 0 : random.nextInt(4)];
                var staffNo = String.format(Locale.ROOT, "%06d", 100_000 + ++staffNumbers[team.pairing()]);
                var traineeId = traineeDao.insert(new Trainee(0, team.hospitalId(), team.homeId(), staffNo, name(random),
                        profession, TITLES[random.nextInt(TITLES.length)], phone(random), null, null));
                var dates = ProgramCalendar.rotation(starts.get(cohort), TEMPLATE);
                var started = !dates.offSite().from().isAfter(today);
                var rotationId = cohortDao.insertRotation(new Rotation(0, cohortIds.get(cohort), traineeId, team.hostId(),
                        starts.get(cohort), started ? null : dates.onSite().to().plusMonths(3), started));
                var group = team.mentors().get(cohort % 2);
                var mentor = group.get(Math.min(group.size() - 1, mentees[cohort]++ / MENTOR_CAPACITY));
                cohortDao.insertBlock(new Block(0, rotationId, BlockKind.OFF_SITE, dates.offSite().from(),
                        dates.offSite().to(), team.hostId(), null));
                cohortDao.insertBlock(new Block(0, rotationId, BlockKind.ON_SITE, dates.onSite().from(),
                        dates.onSite().to(), team.homeId(), mentor));
                team.stays().get(cohort % 2).add(dates.onSite());
                rotations++;
                // one trainee in a hundred takes leave: most before the rotation, some (a conflict) inside it
                if (random.nextInt(100) == 0) {
                    var inside = random.nextInt(4) == 0;
                    var from = inside ? dates.offSite().from().plusDays(20 + random.nextInt(40))
                            : dates.offSite().from().minusDays(30 + random.nextInt(60));
                    traineeDao.insertLeave(new Leave(0, traineeId, from, from.plusDays(4 + random.nextInt(15)),
                            inside ? "病假" : "年休假"));
                    leave++;
                }
            }
        }
        var mentorDao = tx.dao(MentorDao.class);
        var deployments = 0;
        for (var team : teams) {
            for (var group = 0; group < 2; group++) {
                var windows = team.stays().get(group).stream().distinct().toList();
                for (var mentor : team.mentors().get(group)) {
                    var stays = windows.stream().map(window -> new Deployment(0, mentor, window.from().minusDays(7),
                            window.to().plusDays(7))).toList();
                    mentorDao.insertDeployments(stays);
                    deployments += stays.size();
                }
            }
        }
        return String.format(Locale.ROOT, "%,d trainees and rotations, %d home departments, %d cohorts %s to %s, "
                + "%d mentors with %,d deployments, %d with leave", rotations, teams.size(), starts.size(),
                YearMonth.from(starts.get(0)), YearMonth.from(starts.get(starts.size() - 1)),
                teams.stream().mapToInt(team -> team.mentors().get(0).size() + team.mentors().get(1).size()).sum(),
                deployments, leave);
    }

    /**
     * Forty cohort starts about two months apart from four years ago, each moved a month on when its
     * off-site or on-site block would start inside a festival blackout.
     */
    private static List<LocalDate> cohortStarts(LocalDate today) {
        var starts = new ArrayList<LocalDate>();
        var month = YearMonth.from(today).minusYears(4);
        while (starts.size() < COHORTS) {
            var dates = ProgramCalendar.rotation(month.atDay(1), TEMPLATE);
            if (inBlackout(dates.offSite().from()) || inBlackout(dates.onSite().from())) {
                month = month.plusMonths(1);
                continue;
            }
            starts.add(month.atDay(1));
            month = month.plusMonths(2);
        }
        return starts;
    }

    private static boolean inBlackout(LocalDate day) {
        for (Blackout blackout : List.of(Festivals.springFestivalBlackout(day.getYear()), Festivals.losarBlackout(day.getYear()))) {
            if (blackout.range().contains(day)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Ten departments at each of the four pairings; each department's share of the trainees is
     * drawn between half and one and a half of the mean. Capacities are sized for two overlapping
     * cohorts of the department (one department in eight a place short), the home side keeps
     * enough on duty for that, and each cohort of the two alternating groups has its own mentors.
     */
    private static List<Team> insertTeams(Tx tx, int count, Random random) {
        var hospitals = tx.dao(HospitalDao.class);
        var departments = tx.dao(DepartmentDao.class);
        var mentorDao = tx.dao(MentorDao.class);
        var total = PAIRINGS.length * DEPARTMENTS.length;
        var weights = new double[total];
        var sum = 0.0;
        for (var i = 0; i < total; i++) {
            weights[i] = 0.5 + random.nextDouble();
            sum += weights[i];
        }
        var sizes = new int[total];
        var given = 0;
        for (var i = 0; i < total; i++) {
            sizes[i] = i == total - 1 ? count - given : Math.max(1, (int) Math.round(count * weights[i] / sum));
            given += sizes[i];
        }
        var teams = new ArrayList<Team>();
        var mentorNumber = 300;
        for (var p = 0; p < PAIRINGS.length; p++) {
            var homeId = hospitals.insert(PAIRINGS[p][0], HospitalKind.HOME);
            var partnerId = hospitals.insert(PAIRINGS[p][1], HospitalKind.PARTNER);
            hospitals.insertPartnership(homeId, partnerId);
            for (var name : DEPARTMENTS) {
                var size = sizes[teams.size()];
                var perCohort = (size + COHORTS - 1) / COHORTS;
                var away = 2 * perCohort;
                var headcount = size + away + 5 + random.nextInt(10);
                var home = departments.insert(Department.home(0, homeId, name, headcount, headcount - away - 1));
                var capacity = random.nextInt(8) == 0 ? Math.max(1, away - 1) : away;
                var host = departments.insert(Department.partner(0, partnerId, name, capacity));
                var mentors = List.<List<Long>>of(new ArrayList<>(), new ArrayList<>());
                var perGroup = Math.max(2, (perCohort + MENTOR_CAPACITY - 1) / MENTOR_CAPACITY);
                for (var group = 0; group < 2; group++) {
                    for (var m = 0; m < perGroup; m++) {
                        var staffNo = String.format(Locale.ROOT, "%s%04d", PAIRINGS[p][2], ++mentorNumber);
                        mentors.get(group).add(mentorDao.insert(new Mentor(0, partnerId, home, staffNo,
                                hanName(random), MENTOR_CAPACITY)));
                    }
                }
                teams.add(new Team(p, homeId, home, host, size, mentors, List.of(new ArrayList<>(), new ArrayList<>())));
            }
        }
        return teams;
    }

    /** Half Han names, most of the rest Tibetan names in Chinese characters, one in twenty in Tibetan script. */
    private static String name(Random random) {
        var kind = random.nextInt(20);
        if (kind == 0) {
            return TIBETAN[random.nextInt(TIBETAN.length)];
        }
        if (kind < 10) {
            return TIBETAN_IN_HAN[random.nextInt(TIBETAN_IN_HAN.length)] + TIBETAN_IN_HAN[random.nextInt(TIBETAN_IN_HAN.length)];
        }
        return hanName(random);
    }

    private static String hanName(Random random) {
        var name = new StringBuilder().append(HAN_SURNAMES.charAt(random.nextInt(HAN_SURNAMES.length())))
                .append(HAN_GIVEN.charAt(random.nextInt(HAN_GIVEN.length())));
        if (random.nextBoolean()) {
            name.append(HAN_GIVEN.charAt(random.nextInt(HAN_GIVEN.length())));
        }
        return name.toString();
    }

    private static String phone(Random random) {
        return String.format(Locale.ROOT, "1%d%d %04d %04d", 3 + random.nextInt(7), random.nextInt(10),
                random.nextInt(10_000), random.nextInt(10_000));
    }
}
