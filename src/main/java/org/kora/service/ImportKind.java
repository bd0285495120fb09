package org.kora.service;

import java.util.List;

/**
 * The import formats of ARCHITECTURE.md ("Import files") and of ADR 15 (curricula). The order of {@link #columns()}
 * is the order of the values in an {@link ImportRow}, whatever the order in the file.
 */
public enum ImportKind {
    DEPARTMENTS(List.of(
            ImportColumn.required("hospital", "医院"),
            ImportColumn.required("name", "科室"),
            ImportColumn.required("kind", "类型"),
            ImportColumn.optional("headcount", "编制人数"),
            ImportColumn.optional("min_on_duty", "最少在岗"),
            ImportColumn.optional("capacity", "接收容量"))),
    TRAINEES(List.of(
            ImportColumn.required("staff_no", "工号"),
            ImportColumn.required("name", "姓名"),
            ImportColumn.required("hospital", "医院"),
            ImportColumn.required("department", "科室"),
            ImportColumn.optional("profession", "类别"),
            ImportColumn.optional("title", "职称"),
            ImportColumn.optional("phone", "电话"),
            ImportColumn.optionalDate("earliest_start", "最早开始"),
            ImportColumn.optional("notes", "备注"))),
    MENTORS(List.of(
            ImportColumn.required("staff_no", "工号"),
            ImportColumn.required("name", "姓名"),
            ImportColumn.required("partner_hospital", "派出医院"),
            ImportColumn.required("hospital", "受援医院"),
            ImportColumn.required("department", "科室"),
            ImportColumn.required("capacity", "带教人数"),
            ImportColumn.requiredDate("deployment_from", "派驻开始"),
            ImportColumn.requiredDate("deployment_to", "派驻结束"))),
    /** Home departments' curricula (ADR 15): one row per competency, added at the end of its department's list. */
    COMPETENCIES(List.of(
            ImportColumn.required("hospital", "医院"),
            ImportColumn.required("department", "科室"),
            ImportColumn.required("name_zh", "中文名称"),
            ImportColumn.required("name_en", "英文名称"),
            ImportColumn.optional("category", "类别"),
            ImportColumn.required("required", "要求例数"),
            ImportColumn.required("level", "达标水平")));

    private final List<ImportColumn> columns;

    ImportKind(List<ImportColumn> columns) {
        this.columns = columns;
    }

    public List<ImportColumn> columns() {
        return columns;
    }
}
