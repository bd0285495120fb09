package org.kora.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kora.domain.Department;
import org.kora.domain.Deployment;
import org.kora.domain.Hospital;
import org.kora.domain.HospitalKind;
import org.kora.planning.BlackoutPeriod;
import org.kora.planning.HomeDepartment;
import org.kora.planning.HostDepartment;
import org.kora.planning.MentorSpec;
import org.kora.store.BlackoutDao;
import org.kora.store.DepartmentDao;
import org.kora.store.HospitalDao;
import org.kora.store.MentorDao;
import org.kora.store.Tx;

/**
 * What every planning problem read from the database shares: the blackouts, the departments on
 * both sides, the mentors with their deployments, and the readable names of their problem ids
 * ("眼科 (Batang)", a mentor's name), keyed as {@link PlanPreview#departmentKey} and the others make them.
 */
record PlanningResources(List<BlackoutPeriod> blackouts, List<HostDepartment> hosts, List<HomeDepartment> homes,
                         List<MentorSpec> mentors, Map<String, String> names) {
    static PlanningResources read(Tx tx) {
        var hospitals = tx.dao(HospitalDao.class).list().stream()
                .collect(Collectors.toMap(Hospital::id, Function.identity()));
        var hosts = new ArrayList<HostDepartment>();
        var homes = new ArrayList<HomeDepartment>();
        var names = new HashMap<String, String>();
        for (Department department : tx.dao(DepartmentDao.class).list()) {
            var key = PlanPreview.departmentKey(department.id());
            names.put(key, department.name() + " (" + hospitals.get(department.hospitalId()).name() + ")");
            if (department.kind() == HospitalKind.PARTNER) {
                hosts.add(new HostDepartment(key, department.capacity()));
            } else {
                homes.add(new HomeDepartment(key, department.headcount(), department.minOnDuty()));
            }
        }
        var mentorDao = tx.dao(MentorDao.class);
        var deployments = mentorDao.deployments().stream().collect(Collectors.groupingBy(Deployment::mentorId));
        var mentors = new ArrayList<MentorSpec>();
        for (var mentor : mentorDao.list()) {
            names.put(PlanPreview.mentorKey(mentor.id()), mentor.name());
            mentors.add(new MentorSpec(PlanPreview.mentorKey(mentor.id()), PlanPreview.departmentKey(mentor.departmentId()),
                    mentor.capacity(), deployments.getOrDefault(mentor.id(), List.of()).stream().map(Deployment::range).toList()));
        }
        var blackouts = tx.dao(BlackoutDao.class).list().stream()
                .map(blackout -> new BlackoutPeriod(blackout.range(), blackout.label())).toList();
        return new PlanningResources(blackouts, List.copyOf(hosts), List.copyOf(homes), List.copyOf(mentors), names);
    }
}
