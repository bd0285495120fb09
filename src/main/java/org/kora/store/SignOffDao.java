package org.kora.store;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.kora.domain.SignOff;

/**
 * The append-only sign-off log. There is no update and no delete, on purpose, and the database
 * refuses them too (migration V3). Entries are appended through {@link SignOffLedger}, which gives
 * them their ids.
 */
public interface SignOffDao {
    String COLUMNS = "id, trainee_id, competency_id, performed_on, level, performed_count AS count, case_reference, "
            + "comment, mentor_id, signed_at, amends_id, amend_reason, previous_hash, hash";

    /** Inserts {@code signOff} with its own id: the ledger numbers the chain 1, 2, 3 … without gaps. */
    @SqlUpdate("INSERT INTO signoff (id, trainee_id, competency_id, performed_on, level, performed_count, case_reference, "
            + "comment, mentor_id, signed_at, amends_id, amend_reason, previous_hash, hash) VALUES (:id, :traineeId, "
            + ":competencyId, :performedOn, :level, :count, :caseReference, :comment, :mentorId, :signedAt, :amendsId, "
            + ":amendReason, :previousHash, :hash)")
    void insert(@BindMethods SignOff signOff);

    /** The newest entry of the chain: the one whose hash no other entry names as its previous. */
    @SqlQuery("SELECT " + COLUMNS + " FROM signoff ORDER BY id DESC LIMIT 1")
    Optional<SignOff> head();

    @SqlQuery("SELECT " + COLUMNS + " FROM signoff ORDER BY id")
    List<SignOff> list();

    /** One trainee's entries, amendments included, in the order they were signed. */
    @SqlQuery("SELECT " + COLUMNS + " FROM signoff WHERE trainee_id = :traineeId ORDER BY id")
    List<SignOff> ofTrainee(@Bind("traineeId") long traineeId);

    @SqlQuery("SELECT " + COLUMNS + " FROM signoff WHERE id = :id")
    Optional<SignOff> find(@Bind("id") long id);

    /** Whether a later entry amends entry {@code id}. */
    @SqlQuery("SELECT COUNT(*) > 0 FROM signoff WHERE amends_id = :id")
    boolean isAmended(@Bind("id") long id);
}
