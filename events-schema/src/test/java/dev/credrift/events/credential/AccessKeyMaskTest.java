package dev.credrift.events.credential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccessKeyMaskTest {

    @ParameterizedTest
    @CsvSource({
        "AKIAIOSFODNN7EXAMPLE, AKIA…MPLE",
        "Q5L0RGWROTATEDKEYW1ZK, Q5L0…W1ZK",
        "0123456789abcdef, 0123…cdef",
        "0123456789abcde, 012…cde",
        "svcacct1, sv…t1",
        "tempo, t…o",
        "abcd, a…d",
        "abc, …",
        "a, …"
    })
    void shouldShowAtMostFourCharactersAtEachEndWhenMasking(String accessKeyId, String masked) {
        assertThat(AccessKeyMask.mask(accessKeyId).value()).isEqualTo(masked);
    }

    @Test
    void shouldShowAtMostHalfWhenMaskingIdsOfAnyLength() {
        for (int length = 0; length <= 64; length++) {
            String id = "K".repeat(length);
            String masked = AccessKeyMask.mask(id).value();
            int shown = masked.length() - 1;
            assertThat(shown)
                    .as("length %d", length)
                    .isLessThanOrEqualTo(length / 2)
                    .isLessThanOrEqualTo(8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"käsekuchen-key-ümlaut", "key with space at end "})
    void shouldHideEverythingWhenTheShownPartIsNotPrintableAscii(String accessKeyId) {
        assertThat(AccessKeyMask.mask(accessKeyId).value()).isEqualTo("…");
    }

    @Test
    void shouldMaskTheIdWhenACredentialIsAskedForIt() {
        assertThat(Credential.of("AKIAIOSFODNN7EXAMPLE", "s").maskedAccessKeyId())
                .isEqualTo(new MaskedKeyId("AKIA…MPLE"));
    }
}
