-- A competency's Chinese name is unique within its department, as its English name already is:
-- a mentor chooses competencies by name in either language.
ALTER TABLE competency ADD CONSTRAINT competency_name_zh_uq UNIQUE (department_id, name_zh);
