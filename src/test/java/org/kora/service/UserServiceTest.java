package org.kora.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kora.domain.Department;
import org.kora.domain.HospitalKind;
import org.kora.domain.Mentor;
import org.kora.domain.Role;
import org.kora.domain.User;
import org.kora.store.AuditDao;
import org.kora.store.AuditEntry;
import org.kora.store.DatabaseFile;
import org.kora.store.DepartmentDao;
import org.kora.store.HospitalDao;
import org.kora.store.MentorDao;
import org.kora.store.Store;
import org.kora.store.UserDao;

class UserServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final char[] ADMIN_PASSWORD = "admin-password".toCharArray();
    private static final char[] PASSWORD = "yak-butter-tea".toCharArray();

    @TempDir
    Path dir;

    private Store store;
    private AuthService auth;
    private UserService users;
    private Session admin;
    private long mentor;

    @BeforeEach
    void createStoreWithAdministratorAndMentor() {
        store = Store.create(DatabaseFile.of(dir.resolve("kora")));
        var hasher = new PasswordHasher(1000);
        var clock = Clock.fixed(NOW, ZoneOffset.UTC);
        auth = new AuthService(store, hasher, clock);
        users = new UserService(store, hasher, clock);
        admin = auth.createFirstAdministrator("admin", "Administrator", ADMIN_PASSWORD);
        mentor = store.inTransaction(tx -> {
            var hospitals = tx.dao(HospitalDao.class);
            var home = hospitals.insert("Lhünzhub County People's Hospital", HospitalKind.HOME);
            var partner = hospitals.insert("Beijing Friendship Hospital", HospitalKind.PARTNER);
            hospitals.insertPartnership(home, partner);
            var department = tx.dao(DepartmentDao.class).insert(Department.home(0, home, "Anaesthesia", 6, 4));
            return tx.dao(MentorDao.class).insert(new Mentor(0, partner, department, "M-001", "Wang Li", 2));
        });
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private Session signedInAs(Role role) {
        var name = role.name().toLowerCase(Locale.ROOT);
        users.createAccount(admin, name, "A " + name, role, role == Role.MENTOR ? mentor : null, PASSWORD);
        return auth.signIn(name, PASSWORD);
    }

    private List<User> storedAccounts() {
        return store.inTransaction(tx -> tx.dao(UserDao.class).list());
    }

    private List<AuditEntry> audit() {
        return store.inTransaction(tx -> tx.dao(AuditDao.class).list());
    }

    @Test
    void administratorCreatesAnHrAccount() {
        var created = users.createAccount(admin, "dolma", "Dolma Yangchen", Role.HR, null, PASSWORD);
        assertThat(created).usingRecursiveComparison().ignoringFields("id")
                .isEqualTo(new User(0, "dolma", "Dolma Yangchen", Role.HR, null, true));
    }

    @Test
    void administratorCreatesAMentorAccountLinkedToItsMentor() {
        var created = users.createAccount(admin, "wangli", "Wang Li", Role.MENTOR, mentor, PASSWORD);
        assertThat(created).usingRecursiveComparison().ignoringFields("id")
                .isEqualTo(new User(0, "wangli", "Wang Li", Role.MENTOR, mentor, true));
    }

    @Test
    void administratorSeesEveryAccount() {
        users.createAccount(admin, "dolma", "Dolma Yangchen", Role.HR, null, PASSWORD);
        users.createAccount(admin, "wangli", "Wang Li", Role.MENTOR, mentor, PASSWORD);
        assertThat(users.accounts(admin)).extracting(User::username).containsExactly("admin", "dolma", "wangli");
    }

    @Test
    void newAccountCanSignIn() {
        users.createAccount(admin, "dolma", "Dolma Yangchen", Role.HR, null, PASSWORD);
        assertThat(auth.signIn("dolma", PASSWORD).user().role()).isEqualTo(Role.HR);
    }

    @Test
    void accountCreationIsAuditedUnderTheAdministratorsName() {
        users.createAccount(admin, "dolma", "Dolma Yangchen", Role.HR, null, PASSWORD);
        assertThat(audit()).last().usingRecursiveComparison().ignoringFields("id")
                .isEqualTo(new AuditEntry(0, NOW, "admin", "ACCOUNT_CREATED", "username=dolma role=HR"));
    }

    @Test
    void mentorMayNotListAccounts() {
        var mentorSession = signedInAs(Role.MENTOR);
        assertThatThrownBy(() -> users.accounts(mentorSession))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("auth.denied"));
    }

    @Test
    void hrMayNotListAccounts() {
        var hr = signedInAs(Role.HR);
        assertThatThrownBy(() -> users.accounts(hr)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void managerMayNotListAccounts() {
        var manager = signedInAs(Role.MANAGER);
        assertThatThrownBy(() -> users.accounts(manager)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void mentorMayNotCreateAccountsAndNothingIsWritten() {
        var mentorSession = signedInAs(Role.MENTOR);
        var accountsBefore = storedAccounts();
        var auditBefore = audit();
        assertThatThrownBy(() -> users.createAccount(mentorSession, "boss", "Boss", Role.ADMIN, null, PASSWORD))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(storedAccounts()).isEqualTo(accountsBefore);
        assertThat(audit()).isEqualTo(auditBefore);
    }

    @Test
    void hrMayNotCreateAccountsAndNothingIsWritten() {
        var hr = signedInAs(Role.HR);
        var accountsBefore = storedAccounts();
        var auditBefore = audit();
        assertThatThrownBy(() -> users.createAccount(hr, "boss", "Boss", Role.ADMIN, null, PASSWORD))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(storedAccounts()).isEqualTo(accountsBefore);
        assertThat(audit()).isEqualTo(auditBefore);
    }

    @Test
    void mentorAccountWithoutMentorIsRefused() {
        assertThatThrownBy(() -> users.createAccount(admin, "wangli", "Wang Li", Role.MENTOR, null, PASSWORD))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("account.mentorLink"));
        assertThat(storedAccounts()).extracting(User::username).containsExactly("admin");
    }

    @Test
    void hrAccountWithAMentorIsRefused() {
        assertThatThrownBy(() -> users.createAccount(admin, "dolma", "Dolma Yangchen", Role.HR, mentor, PASSWORD))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("account.mentorLink"));
    }

    @Test
    void takenUsernameIsRefused() {
        users.createAccount(admin, "dolma", "Dolma Yangchen", Role.HR, null, PASSWORD);
        assertThatThrownBy(() -> users.createAccount(admin, "dolma", "Dolma Lhamo", Role.MANAGER, null, PASSWORD))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("account.usernameTaken"));
        assertThat(storedAccounts()).extracting(User::displayName).containsExactly("Administrator", "Dolma Yangchen");
    }

    @Test
    void usernameTakenBarSpacesIsRefused() {
        users.createAccount(admin, "dolma", "Dolma Yangchen", Role.HR, null, PASSWORD);
        assertThatThrownBy(() -> users.createAccount(admin, " dolma ", "Dolma Lhamo", Role.HR, null, PASSWORD))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("account.usernameTaken"));
    }

    @Test
    void shortPasswordIsRefused() {
        assertThatThrownBy(() -> users.createAccount(admin, "dolma", "Dolma", Role.HR, null, "1234567".toCharArray()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("account.passwordTooShort"));
    }
}
