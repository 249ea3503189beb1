package dev.credrift.reconciler.rotate.rgw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.reconciler.rotate.rgw.RgwAdminException.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How an Admin Ops refusal is typed from its status and body, without the body reaching the message. */
class RgwAdminOpsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "403 | {\"Code\":\"InvalidAccessKeyId\",\"Id\":\"tx1\"} | ADMIN_CREDENTIAL_REJECTED | InvalidAccessKeyId",
                "403 | {\"Code\":\"SignatureDoesNotMatch\"} | ADMIN_CREDENTIAL_REJECTED | SignatureDoesNotMatch",
                "403 | {\"Code\":\"AccessDenied\"} | ADMIN_NOT_PERMITTED | AccessDenied",
                "404 | {\"Code\":\"NoSuchUser\"} | NO_SUCH_USER | NoSuchUser",
                "400 | {\"Code\":\"InvalidArgument\"} | REFUSED | InvalidArgument",
                "503 | {\"Code\":\"ServiceUnavailable\"} | UNAVAILABLE | ServiceUnavailable",
                "500 | <Error><Code>InternalError</Code></Error> | UNAVAILABLE | InternalError",
                "502 | <html>bad gateway</html> | UNAVAILABLE | ",
                "400 | not json at all | BAD_RESPONSE | "
            })
    void shouldTypeTheRefusalByRgwsCodeWhenAnAdminCallFails(int status, String body, Kind kind, String code) {
        RgwAdminException e = RgwAdminOps.byAnswer("RGW Admin Ops API at http://rgw:80: mint", status, body);

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.getMessage())
                .startsWith("RGW Admin Ops API at http://rgw:80: mint answered HTTP " + status)
                .doesNotContain("tx1", "html", "not json");
    }
}
