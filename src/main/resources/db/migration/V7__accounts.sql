-- Failed sign-ins per typed user name, kept whether or not an account has that name, so that an
-- unknown name is delayed and locked exactly like a real one and cannot be told apart (ADR 0018).
-- A successful sign-in or an administrator's unlock removes the row.
CREATE TABLE sign_in_guard (
    username      VARCHAR(100) PRIMARY KEY,
    failures      INTEGER      NOT NULL,
    blocked_until TIMESTAMP WITH TIME ZONE,
    locked_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT sign_in_guard_failures_ck CHECK (failures >= 1)
);
