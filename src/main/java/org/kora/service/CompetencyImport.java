package org.kora.service;

import java.util.HashMap;
import java.util.Map;

import org.kora.domain.Competency;
import org.kora.domain.Department;
import org.kora.domain.Hospital;
import org.kora.domain.HospitalKind;
import org.kora.store.CompetencyDao;
import org.kora.store.DepartmentDao;
import org.kora.store.HospitalDao;
import org.kora.store.Tx;

/**
 * The competencies format (ADR 15): each row one competency of an existing home department, keyed
 * by its department and English name. New competencies go to the end of their department's list,
 * in the order of the file. As in the other formats, a row that gives a stored competency other
 * values is a bad row: a changed required count or level changes every trainee's progress, so it
 * is made on the curricula screen, one competency at a time, not by a file in passing.
 */
final class CompetencyImport extends RowImport {
    private static final int HOSPITAL = 0;
    private static final int DEPARTMENT = 1;
    private static final int NAME_ZH = 2;
    private static final int NAME_EN = 3;
    private static final int CATEGORY = 4;
    private static final int REQUIRED = 5;
    private static final int LEVEL = 6;

    private final Map<String, Hospital> hospitals = new HashMap<>();
    private final Map<NameKey, Department> departments = new HashMap<>();
    private final KeyIndex stored = new KeyIndex();
    /** Each Chinese name in use in a department: the English name it belongs to, and the line (0: stored). */
    private final Map<NameKey, NameUse> chineseNames = new HashMap<>();
    private final Map<Long, Integer> nextSortOrder = new HashMap<>();
    private final CompetencyDao writer;

    private record NameKey(long ownerId, String name) {
    }

    private record NameUse(String nameEn, int line) {
    }

    CompetencyImport(Tx tx, boolean write) {
        tx.dao(HospitalDao.class).list().forEach(hospital -> hospitals.put(hospital.name(), hospital));
        tx.dao(DepartmentDao.class).list().forEach(department -> departments.put(
                new NameKey(department.hospitalId(), department.name()), department));
        var competencies = tx.dao(CompetencyDao.class);
        for (var competency : competencies.list()) {
            stored.putIfAbsent(key(competency), fingerprint(competency));
            chineseNames.put(new NameKey(competency.departmentId(), competency.nameZh()),
                    new NameUse(competency.nameEn(), 0));
        }
        writer = write ? competencies : null;
    }

    @Override
    RowOutcome row(RowCheck check) {
        var hospitalName = check.text(HOSPITAL, 200);
        var departmentName = check.text(DEPARTMENT, 200);
        var nameZh = check.text(NAME_ZH, CurriculumRules.NAME_LENGTH);
        var nameEn = check.text(NAME_EN, CurriculumRules.NAME_LENGTH);
        var category = check.text(CATEGORY, CurriculumRules.CATEGORY_LENGTH);
        var required = check.integer(REQUIRED, 1);
        var level = check.level(LEVEL);
        var hospital = hospitalName == null ? null : hospitals.get(hospitalName);
        if (hospitalName != null && hospital == null) {
            check.fail(HOSPITAL, "import.unknownHospital", hospitalName);
        } else if (hospital != null && hospital.kind() != HospitalKind.HOME) {
            check.fail(HOSPITAL, "import.notHomeHospital", hospitalName);
            hospital = null;
        }
        Department department = null;
        if (hospital != null && departmentName != null) {
            department = departments.get(new NameKey(hospital.id(), departmentName));
            if (department == null) {
                check.fail(DEPARTMENT, "import.unknownDepartment", departmentName, hospitalName);
            }
        }
        NameKey chineseKey = null;
        if (department != null && nameZh != null && nameEn != null) {
            chineseKey = new NameKey(department.id(), nameZh);
            var use = chineseNames.get(chineseKey);
            if (use != null && !use.nameEn().equals(nameEn)) {
                if (use.line() == 0) {
                    check.fail(NAME_ZH, "curricula.import.nameZhStored", use.nameEn());
                } else {
                    check.fail(NAME_ZH, "curricula.import.nameZhInFile", String.valueOf(use.line()), use.nameEn());
                }
            }
        }
        if (check.bad()) {
            return RowOutcome.BAD;
        }
        var competency = new Competency(0, department.id(), nameZh, nameEn, category, required, level, 0);
        var key = key(competency);
        var outcome = classify(check, NAME_EN, key, fingerprint(competency), stored.contains(key) ? stored.get(key) : null);
        if (outcome != RowOutcome.BAD) {
            chineseNames.putIfAbsent(chineseKey, new NameUse(nameEn, check.line()));
        }
        if (outcome == RowOutcome.NEW && writer != null) {
            var order = nextSortOrder.computeIfAbsent(department.id(), writer::nextSortOrder);
            nextSortOrder.put(department.id(), order + 1);
            writer.insert(new Competency(0, department.id(), nameZh, nameEn, category, required, level, order));
        }
        return outcome;
    }

    private static long key(Competency competency) {
        return new Fingerprint().add(competency.departmentId()).add(competency.nameEn()).value();
    }

    private static long fingerprint(Competency competency) {
        return new Fingerprint().add(competency.nameZh()).add(competency.category()).add(competency.requiredCount())
                .add(competency.achievedLevel()).value();
    }
}
