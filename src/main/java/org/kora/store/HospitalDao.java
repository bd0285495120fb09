package org.kora.store;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.kora.domain.Hospital;
import org.kora.domain.HospitalKind;
import org.kora.domain.Partnership;

/** Hospitals and the partnerships between them. */
public interface HospitalDao {
    @SqlUpdate("INSERT INTO hospital (name, kind) VALUES (:name, :kind)")
    @GetGeneratedKeys("id")
    long insert(@Bind("name") String name, @Bind("kind") HospitalKind kind);

    @SqlQuery("SELECT id, name, kind FROM hospital ORDER BY id")
    List<Hospital> list();

    @SqlUpdate("INSERT INTO partnership (home_hospital_id, partner_hospital_id) VALUES (:home, :partner)")
    @GetGeneratedKeys("id")
    long insertPartnership(@Bind("home") long homeHospitalId, @Bind("partner") long partnerHospitalId);

    @SqlQuery("SELECT id, home_hospital_id, partner_hospital_id FROM partnership ORDER BY id")
    List<Partnership> partnerships();

    // --- People screen (PeopleService): rename and look-ups; a hospital's kind never changes ---

    @SqlUpdate("UPDATE hospital SET name = :name WHERE id = :id")
    int rename(@Bind("id") long id, @Bind("name") String name);

    @SqlQuery("SELECT id, name, kind FROM hospital WHERE id = :id")
    Optional<Hospital> find(@Bind("id") long id);

    @SqlQuery("SELECT id FROM hospital WHERE name = :name")
    Optional<Long> findIdByName(@Bind("name") String name);
}
