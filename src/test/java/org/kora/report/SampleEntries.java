package org.kora.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.kora.domain.CalendarEntry;
import org.kora.domain.DateRange;

/**
 * Synthetic rotations for print tests and the PDF benchmark: Chinese names, about one in ten
 * Tibetan, a few mixed; cohorts of 40, each starting within three months, later cohorts later in
 * the given year; six home departments; the on-site block right after the off-site block; about one
 * in thirty in conflict.
 */
public final class SampleEntries {
    static final String[] TIBETAN = {"བསྟན་འཛིན་རྡོ་རྗེ", "ཚེ་རིང་སྒྲོལ་མ", "བཀྲ་ཤིས་ལྷ་མོ", "པདྨ་ཆོས་སྒྲོན",
        "ནོར་བུ་དོན་གྲུབ", "སྐལ་བཟང་ཡེ་ཤེས", "བསོད་ནམས་དབང་ཕྱུག", "ཀུན་དགའ་རྒྱ་མཚོ"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
        "胡", "朱", "高", "林", "何", "郭", "马", "罗"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇",
        "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "晓东"};
    private static final String[] HOME = {"麻醉科", "眼科", "内科", "外科", "儿科", "妇产科"};
    private static final String[] HOST = {"麻醉手术中心", "眼科", "心血管内科", "普外科", "新生儿科", "产科"};
    private static final String[] MENTORS = {"周建国", "吴晓梅", "郑海涛", "冯丽娟", "ཚེ་དབང་རྣམ་རྒྱལ", "Dr. Lobsang Norbu"};

    private SampleEntries() {
    }

    /** {@code trainees} rotations whose off-site blocks start in {@code year}. */
    public static List<CalendarEntry> of(int trainees, int year, long seed) {
        var random = new Random(seed);
        var entries = new ArrayList<CalendarEntry>(trainees);
        for (var i = 0; i < trainees; i++) {
            var department = random.nextInt(HOME.length);
            var cohort = i / 40;
            var start = LocalDate.of(year, 1 + (cohort * 2 + random.nextInt(3)) % 12, 1);
            var offSite = DateRange.of(start, start.plusMonths(3).minusDays(1));
            var onSite = DateRange.of(offSite.to().plusDays(1), offSite.to().plusMonths(3));
            var mentor = department % MENTORS.length;
            entries.add(new CalendarEntry(i + 1, i + 1, name(i, random), Integer.toString(100_000 + i + 1).substring(1),
                    cohort + 1, year + "年第" + (cohort + 1) + "批",
                    department + 1, HOME[department], "巴塘县人民医院",
                    100 + department, HOST[department], "双流区第一人民医院",
                    offSite, onSite, (long) mentor, MENTORS[mentor], random.nextBoolean(), random.nextInt(30) == 0));
        }
        return entries;
    }

    private static String name(int index, Random random) {
        if (index % 10 == 3) {
            return TIBETAN[random.nextInt(TIBETAN.length)];
        }
        if (index % 50 == 7) {
            return "Tenzin " + TIBETAN[0] + " 丹增";
        }
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    }
}
