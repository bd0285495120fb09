-- Sign-offs and the audit log are append-only: the database itself refuses to change or remove
-- their rows, whoever asks. Triggers are not in the SQL that H2 and PostgreSQL share: these name
-- a Java class of H2's trigger API, and a PostgreSQL database needs its own trigger function
-- (docs/decisions/0014-append-only-sign-offs.md).
CREATE TRIGGER signoff_append_only BEFORE UPDATE, DELETE ON signoff
    FOR EACH ROW CALL 'org.kora.store.AppendOnlyTrigger';
CREATE TRIGGER audit_log_append_only BEFORE UPDATE, DELETE ON audit_log
    FOR EACH ROW CALL 'org.kora.store.AppendOnlyTrigger';

-- H2 fires no trigger on TRUNCATE, but refuses to truncate (or drop) a table that a foreign key
-- references. The sign-offs' own amends_id does that for signoff; this table, always empty, does
-- it for the audit log.
CREATE TABLE audit_log_guard (
    audit_log_id BIGINT,
    CONSTRAINT audit_log_guard_fk FOREIGN KEY (audit_log_id) REFERENCES audit_log (id)
);

-- The head of the sign-off chain as Kora last appended it: "<id> <hash> <count>", rewritten with
-- every sign-off (store/SignOffLedger). Entries made before this version are anchored as they are.
INSERT INTO setting (name, setting_value)
SELECT 'ledger.head', CONCAT(COALESCE(MAX(id), 0), ' ',
                              COALESCE((SELECT hash FROM signoff WHERE id = (SELECT MAX(id) FROM signoff)),
                                       '0000000000000000000000000000000000000000000000000000000000000000'),
                              ' ', COUNT(*))
FROM signoff;
