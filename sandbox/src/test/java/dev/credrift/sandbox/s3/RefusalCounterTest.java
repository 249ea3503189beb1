package dev.credrift.sandbox.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefusalCounterTest {

    @Test
    void shouldReadTheAccessKeyWhenTheHeaderIsSigV4() {
        assertThat(RefusalCounter.fromAuthorization("AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20261207/us-east-1/s3/"
                        + "aws4_request, SignedHeaders=host;x-amz-date, Signature=abc"))
                .contains("AKIAEXAMPLE");
    }

    @Test
    void shouldReadTheAccessKeyWhenTheHeaderIsSigV2() {
        assertThat(RefusalCounter.fromAuthorization("AWS tempo:c2lnbmF0dXJl")).contains("tempo");
    }

    @Test
    void shouldReadTheAccessKeyWhenTheUrlIsPresigned() {
        assertThat(RefusalCounter.fromQuery("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261207"
                        + "%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=abc"))
                .contains("AKIAEXAMPLE");
        assertThat(RefusalCounter.fromQuery("AWSAccessKeyId=tempo&Signature=abc"))
                .contains("tempo");
    }

    @Test
    void shouldNameNoKeyWhenTheRequestIsAnonymousOrMalformed() {
        assertThat(RefusalCounter.fromAuthorization("Bearer token")).isEmpty();
        assertThat(RefusalCounter.fromAuthorization("AWS4-HMAC-SHA256 Credential=nokeyhere"))
                .isEmpty();
        assertThat(RefusalCounter.fromQuery("list-type=2")).isEmpty();
        assertThat(RefusalCounter.fromQuery(null)).isEmpty();
    }
}
