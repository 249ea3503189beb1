package dev.credrift.reconciler.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RotationRequestTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                // annotation, last acted on, pending
                "null, null, null",
                "null, tok-1, null",
                "'', null, null",
                "'  ', null, null",
                "tok-1, null, tok-1",
                "tok-1, tok-1, null",
                "tok-2, tok-1, tok-2",
                "' tok-3 ', tok-1, tok-3"
            })
    void shouldActOnATokenOnceWhenTheAnnotationIsSet(String annotation, String last, String pending) {
        assertThat(Rotations.pendingRequest(Optional.ofNullable(annotation), Optional.ofNullable(last)))
                .isEqualTo(Optional.ofNullable(pending));
    }
}
