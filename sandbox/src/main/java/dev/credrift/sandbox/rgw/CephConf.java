package dev.credrift.sandbox.rgw;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code ceph.conf} of a single-host loopback cluster, as measured in {@code ceph-rgw-notes.md}: no cephx,
 * {@code crc} messenger modes (radosgw's default {@code secure} mode needs cephx and loops on
 * {@code get_initial_auth_request returned -13}), a fast Paxos (start-up ~2.5 s instead of ~14 s), pools of one
 * replica on one memstore OSD, and every path under {@code directory}.
 *
 * @param directory  the cluster's temporary directory
 * @param fsid       the cluster id
 * @param monV1Port  the monitor's legacy (v1) messenger port
 * @param monV2Port  the monitor's v2 messenger port
 * @param s3Port     radosgw's plain HTTP port
 * @param tls        radosgw's HTTPS port and certificate file (certificate then key, PEM), if any
 */
record CephConf(Path directory, UUID fsid, int monV1Port, int monV2Port, int s3Port, Optional<Tls> tls) {

    /** The monitor's id and radosgw's client name. */
    static final String MON_ID = "a";

    static final String RGW_NAME = "client.rgw.a";
    static final String LOOPBACK = "127.0.0.1";

    /** HTTPS on {@code port} with {@code pemFile}. */
    record Tls(int port, Path pemFile) {
        Tls {
            Objects.requireNonNull(pemFile, "pemFile");
        }
    }

    CephConf {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(fsid, "fsid");
        Objects.requireNonNull(tls, "tls");
    }

    Path file() {
        return directory.resolve("ceph.conf");
    }

    Path keyring() {
        return directory.resolve("keyring");
    }

    Path monmap() {
        return directory.resolve("monmap");
    }

    Path logDirectory() {
        return directory.resolve("log");
    }

    /** The log file of a daemon or client, by its Ceph name ({@code mon.a}, {@code osd.0}, {@code client.rgw.a}). */
    Path logFile(String cephName) {
        return logDirectory().resolve(cephName + ".log");
    }

    /** The monitor address in monmap syntax. */
    String monAddresses() {
        return "[v2:" + LOOPBACK + ":" + monV2Port + ",v1:" + LOOPBACK + ":" + monV1Port + "]";
    }

    String render() {
        String d = directory.toString();
        StringBuilder conf = new StringBuilder()
                .append("[global]\n")
                .append("fsid = ")
                .append(fsid)
                .append('\n')
                .append("mon host = ")
                .append(monAddresses())
                .append('\n')
                .append("public addr = ")
                .append(LOOPBACK)
                .append('\n')
                // a port taken since it was picked: fail at once (the default retries cost 10 s), RealRgw starts again
                .append("ms bind retry count = 1\n")
                .append("auth cluster required = none\n")
                .append("auth service required = none\n")
                .append("auth client required = none\n")
                .append("auth supported = none\n")
                .append("ms mon client mode = crc\n")
                .append("ms client mode = crc\n")
                .append("paxos propose interval = 0.05\n")
                .append("paxos min wait = 0.01\n")
                .append("osd pool default size = 1\n")
                .append("osd pool default min size = 1\n")
                .append("osd pool default pg num = 8\n")
                .append("osd pool default pg autoscale mode = off\n")
                .append("osd crush chooseleaf type = 0\n")
                .append("mon allow pool size one = true\n")
                .append("mon warn on pool no redundancy = false\n")
                .append("mon max pg per osd = 1000\n")
                .append("osd objectstore = memstore\n")
                .append("memstore device bytes = 2147483648\n")
                .append("run dir = ")
                .append(d)
                .append("/run\n")
                .append("pid file = ")
                .append(d)
                .append("/run/$name.pid\n")
                .append("admin socket = ")
                .append(d)
                .append("/run/$name.asok\n")
                .append("log file = ")
                .append(d)
                .append("/log/$name.log\n")
                .append("keyring = ")
                .append(keyring())
                .append('\n')
                .append("mon data = ")
                .append(d)
                .append("/mon/$name\n")
                .append("osd data = ")
                .append(d)
                .append("/osd/$name\n")
                .append("rgw data = ")
                .append(d)
                .append("/rgw/$name\n")
                .append('\n')
                .append('[')
                .append(RGW_NAME)
                .append("]\n")
                .append("rgw frontends = beast endpoint=")
                .append(LOOPBACK)
                .append(':')
                .append(s3Port);
        tls.ifPresent(https -> conf.append(" ssl_endpoint=")
                .append(LOOPBACK)
                .append(':')
                .append(https.port())
                .append(" ssl_certificate=")
                .append(https.pemFile()));
        return conf.append('\n').append("rgw dns name = localhost\n").toString();
    }
}
