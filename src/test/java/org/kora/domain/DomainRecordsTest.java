package org.kora.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class DomainRecordsTest {
    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void oneDayRangeHasOneDay() {
        assertThat(DateRange.of(date("2026-03-01"), date("2026-03-01")).days()).isEqualTo(1);
    }

    @Test
    void rangeCountsBothEnds() {
        assertThat(DateRange.of(date("2026-03-01"), date("2026-05-31")).days()).isEqualTo(92);
    }

    @Test
    void rangeContainsBothEnds() {
        var march = DateRange.of(date("2026-03-01"), date("2026-03-31"));
        assertThat(march.contains(date("2026-03-01")) && march.contains(date("2026-03-31"))).isTrue();
    }

    @Test
    void rangeDoesNotContainTheDayAfter() {
        assertThat(DateRange.of(date("2026-03-01"), date("2026-03-31")).contains(date("2026-04-01"))).isFalse();
    }

    @Test
    void rangesSharingAnEndDayOverlap() {
        var march = DateRange.of(date("2026-03-01"), date("2026-03-31"));
        var fromLastOfMarch = DateRange.of(date("2026-03-31"), date("2026-04-30"));
        assertThat(march.overlaps(fromLastOfMarch) && fromLastOfMarch.overlaps(march)).isTrue();
    }

    @Test
    void rangesThatFollowEachOtherDoNotOverlap() {
        var march = DateRange.of(date("2026-03-01"), date("2026-03-31"));
        var april = DateRange.of(date("2026-04-01"), date("2026-04-30"));
        assertThat(march.overlaps(april) || april.overlaps(march)).isFalse();
    }

    @Test
    void rangeInsideAnotherOverlapsIt() {
        var spring = DateRange.of(date("2026-03-01"), date("2026-05-31"));
        var midApril = DateRange.of(date("2026-04-10"), date("2026-04-20"));
        assertThat(spring.overlaps(midApril) && midApril.overlaps(spring)).isTrue();
    }

    @Test
    void rangeEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> DateRange.of(date("2026-03-02"), date("2026-03-01")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void homeDepartmentMaySendHeadcountLessMinimumOnDuty() {
        assertThat(Department.home(1, 1, "Anaesthesia", 10, 7).awayAllowance()).isEqualTo(3);
    }

    @Test
    void homeDepartmentWithMinimumOnDutyEqualToHeadcountIsRefused() {
        assertThatThrownBy(() -> Department.home(1, 1, "Anaesthesia", 5, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void homeDepartmentWithoutHeadcountIsRefused() {
        assertThatThrownBy(() -> new Department(1, 1, "Anaesthesia", HospitalKind.HOME, null, 0, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void homeDepartmentWithACapacityIsRefused() {
        assertThatThrownBy(() -> new Department(1, 1, "Anaesthesia", HospitalKind.HOME, 5, 2, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partnerDepartmentWithAHeadcountIsRefused() {
        assertThatThrownBy(() -> new Department(1, 2, "Cardiology", HospitalKind.PARTNER, 5, null, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partnerDepartmentWithAMinimumOnDutyIsRefused() {
        assertThatThrownBy(() -> new Department(1, 2, "Cardiology", HospitalKind.PARTNER, null, 1, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partnerDepartmentWithoutCapacityIsRefused() {
        assertThatThrownBy(() -> Department.partner(1, 2, "Cardiology", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partnerDepartmentHasNoAwayAllowance() {
        assertThatThrownBy(() -> Department.partner(1, 2, "Cardiology", 3).awayAllowance())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void mentorAccountWithoutMentorIsRefused() {
        assertThatThrownBy(() -> new User(1, "tenzin", "Tenzin", Role.MENTOR, null, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mentorAccountWithMentorIsAccepted() {
        assertThat(new User(1, "tenzin", "Tenzin", Role.MENTOR, 7L, true).mentorId()).isEqualTo(7L);
    }

    @Test
    void nonMentorAccountWithMentorIsRefused() {
        for (var role : EnumSet.complementOf(EnumSet.of(Role.MENTOR))) {
            assertThatThrownBy(() -> new User(1, "dolma", "Dolma", role, 7L, true))
                    .as(role.name()).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void blankUsernameIsRefused() {
        assertThatThrownBy(() -> new User(1, " ", "Dolma", Role.HR, null, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mentorMaySignOff() {
        assertThat(Role.MENTOR.may(Permission.SIGN_OFF)).isTrue();
    }

    @Test
    void adminMayNotSignOff() {
        assertThat(Role.ADMIN.may(Permission.SIGN_OFF)).isFalse();
    }

    @Test
    void adminMayDoEverythingButSignOff() {
        for (var permission : EnumSet.complementOf(EnumSet.of(Permission.SIGN_OFF))) {
            assertThat(Role.ADMIN.may(permission)).as(permission.name()).isTrue();
        }
    }

    @Test
    void onlyAdminMayManageAccounts() {
        for (var role : Role.values()) {
            assertThat(role.may(Permission.MANAGE_ACCOUNTS)).as(role.name()).isEqualTo(role == Role.ADMIN);
        }
    }

    @Test
    void managerMayNotEditPeople() {
        assertThat(Role.MANAGER.may(Permission.EDIT_PEOPLE)).isFalse();
    }

    @Test
    void onlyHrAndAdminMayEditCurricula() {
        for (var role : Role.values()) {
            assertThat(role.may(Permission.EDIT_CURRICULA)).as(role.name())
                    .isEqualTo(role == Role.HR || role == Role.ADMIN);
        }
    }

    @Test
    void managerMayViewPeople() {
        assertThat(Role.MANAGER.may(Permission.VIEW_PEOPLE)).isTrue();
    }

    @Test
    void hrMayPlanCohorts() {
        assertThat(Role.HR.may(Permission.PLAN_COHORTS)).isTrue();
    }

    @Test
    void hrMayNotSignOff() {
        assertThat(Role.HR.may(Permission.SIGN_OFF)).isFalse();
    }

    @Test
    void mentorMayNotViewPeople() {
        assertThat(Role.MENTOR.may(Permission.VIEW_PEOPLE)).isFalse();
    }

    @Test
    void higherLevelReachesALowerOne() {
        assertThat(SignOffLevel.INDEPENDENT.reaches(SignOffLevel.SUPERVISED)).isTrue();
    }

    @Test
    void levelReachesItself() {
        assertThat(SignOffLevel.SUPERVISED.reaches(SignOffLevel.SUPERVISED)).isTrue();
    }

    @Test
    void lowerLevelDoesNotReachAHigherOne() {
        assertThat(SignOffLevel.ASSISTED.reaches(SignOffLevel.SUPERVISED)).isFalse();
    }

    @Test
    void levelsRunFromObservedToIndependent() {
        assertThat(SignOffLevel.values()).containsExactly(SignOffLevel.OBSERVED, SignOffLevel.ASSISTED,
                SignOffLevel.SUPERVISED, SignOffLevel.INDEPENDENT);
    }

    @Test
    void languageCodeZhIsChinese() {
        assertThat(Language.fromCode("zh")).isEqualTo(Language.ZH);
    }

    @Test
    void languageCodeIgnoresCase() {
        assertThat(Language.fromCode("EN")).isEqualTo(Language.EN);
    }

    @Test
    void unknownLanguageCodeIsRefused() {
        assertThatThrownBy(() -> Language.fromCode("fr"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fr");
    }
}
