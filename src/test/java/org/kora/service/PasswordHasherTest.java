package org.kora.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {
    private static final char[] PASSWORD = "correct horse battery".toCharArray();

    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void hashVerifiesItsPassword() {
        assertThat(hasher.verify(PASSWORD, hasher.hash(PASSWORD))).isTrue();
    }

    @Test
    void wrongPasswordDoesNotVerify() {
        assertThat(hasher.verify("correct horse battery!".toCharArray(), hasher.hash(PASSWORD))).isFalse();
    }

    @Test
    void passwordInTibetanAndChineseVerifies() {
        var password = "བཀྲ་ཤིས་密码𠈌".toCharArray();
        assertThat(hasher.verify(password, hasher.hash(password))).isTrue();
    }

    @Test
    void twoHashesOfOnePasswordDiffer() {
        assertThat(hasher.hash(PASSWORD)).isNotEqualTo(hasher.hash(PASSWORD));
    }

    @Test
    void hashNamesSchemeIterationsSaltAndHash() {
        assertThat(hasher.hash(PASSWORD)).matches("pbkdf2-sha256\\$1000\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+");
    }

    @Test
    void saltIsSixteenBytes() {
        var salt = hasher.hash(PASSWORD).split("\\$")[2];
        assertThat(Base64.getDecoder().decode(salt)).hasSize(16);
    }

    @Test
    void derivedHashIsThirtyTwoBytes() {
        var hash = hasher.hash(PASSWORD).split("\\$")[3];
        assertThat(Base64.getDecoder().decode(hash)).hasSize(32);
    }

    @Test
    void hashMadeWithFewerIterationsVerifiesAfterTheCountIsRaised() {
        var old = new PasswordHasher(1000).hash(PASSWORD);
        assertThat(new PasswordHasher(5000).verify(PASSWORD, old)).isTrue();
    }

    @Test
    void hashWithItsIterationCountAlteredDoesNotVerify() {
        var altered = hasher.hash(PASSWORD).replace("$1000$", "$1001$");
        assertThat(hasher.verify(PASSWORD, altered)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not a hash",
        "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA",
        "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA$extra",
        "bcrypt$1000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
        "pbkdf2-sha256$many$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
        "pbkdf2-sha256$99999999999$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
        "pbkdf2-sha256$0$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
        "pbkdf2-sha256$-5$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
        "pbkdf2-sha256$1000$not*base64$aGFzaA",
        "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA$not*base64",
        "pbkdf2-sha256$1000$$aGFzaA",
    })
    void malformedHashIsNotAMatch(String stored) {
        assertThat(hasher.verify(PASSWORD, stored)).isFalse();
    }

    @Test
    void defaultIterationCountIsSixHundredThousand() {
        assertThat(PasswordHasher.DEFAULT_ITERATIONS).isEqualTo(600_000);
    }

    @Test
    void defaultIterationCountIsWrittenIntoTheHash() {
        assertThat(new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS).hash(PASSWORD))
                .startsWith("pbkdf2-sha256$600000$");
    }

    @Test
    void zeroIterationsAreRefused() {
        assertThatThrownBy(() -> new PasswordHasher(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
