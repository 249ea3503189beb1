package dev.credrift.sandbox.rgw;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CephConfTest {

    private static final Path DIR = Path.of("/tmp/credrift-rgw-test");
    private static final UUID FSID = UUID.fromString("11111111-2222-3333-4444-555555555555");

    @Test
    void shouldTurnCephxOffAndUseCrcModesWhenRendered() {
        String conf = new CephConf(DIR, FSID, 6789, 3300, 8080, Optional.empty()).render();

        assertThat(conf)
                .contains(
                        "auth cluster required = none\n",
                        "auth service required = none\n",
                        "auth client required = none\n",
                        "auth supported = none\n",
                        // without these radosgw loops on get_initial_auth_request returned -13
                        "ms mon client mode = crc\n",
                        "ms client mode = crc\n");
    }

    @Test
    void shouldBindLoopbackOnlyWhenRendered() {
        String conf = new CephConf(DIR, FSID, 6789, 3300, 8080, Optional.empty()).render();

        assertThat(conf)
                .contains(
                        "mon host = [v2:127.0.0.1:3300,v1:127.0.0.1:6789]\n",
                        "public addr = 127.0.0.1\n",
                        "rgw frontends = beast endpoint=127.0.0.1:8080\n",
                        "ms bind retry count = 1\n");
        assertThat(conf).doesNotContain("0.0.0.0", "ssl_endpoint");
    }

    @Test
    void shouldKeepEveryPathUnderTheDirectoryWhenRendered() {
        String conf = new CephConf(DIR, FSID, 6789, 3300, 8080, Optional.empty()).render();

        assertThat(conf.lines()
                        .filter(line -> line.matches("(run dir|pid file|admin socket|log file|keyring"
                                + "|mon data|osd data|rgw data) = .*")))
                .hasSize(8)
                .allSatisfy(line -> assertThat(line).contains(" = /tmp/credrift-rgw-test/"));
    }

    @Test
    void shouldAddSslEndpointWhenTlsIsGiven() {
        CephConf.Tls tls = new CephConf.Tls(8443, DIR.resolve("rgw.pem"));

        String conf = new CephConf(DIR, FSID, 6789, 3300, 8080, Optional.of(tls)).render();

        assertThat(conf)
                .contains("rgw frontends = beast endpoint=127.0.0.1:8080 ssl_endpoint=127.0.0.1:8443"
                        + " ssl_certificate=/tmp/credrift-rgw-test/rgw.pem\n");
    }
}
