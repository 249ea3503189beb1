package dev.credrift.sandbox.world;

import dev.credrift.sandbox.tls.ServerCertificate;
import dev.credrift.sandbox.tls.TestPki;
import dev.credrift.sandbox.world.spec.TlsSpec;
import java.time.Clock;

/**
 * A TLS world's private CA and the store certificates it hands out: valid, expired, or issued by an impostor CA
 * (made only when first asked for, since most stories never need it).
 */
final class WorldCertificates {

    private final TlsSpec tls;
    private final Clock clock;
    private final TestPki ca;
    private TestPki impostorCa;

    WorldCertificates(TlsSpec tls, Clock clock) {
        this.tls = tls;
        this.clock = clock;
        this.ca = TestPki.newCa(tls.caName(), clock);
    }

    TestPki ca() {
        return ca;
    }

    /** A server certificate in the given state, for the names the world file asks for. */
    synchronized ServerCertificate certificate(TlsSpec.CertificateState state) {
        String[] names = tls.names().toArray(String[]::new);
        return switch (state) {
            case VALID -> ca.serverCertificate(names);
            case EXPIRED -> ca.expiredServerCertificate(names);
            case UNTRUSTED -> impostorCa().serverCertificate(names);
        };
    }

    private TestPki impostorCa() {
        if (impostorCa == null) {
            impostorCa = TestPki.newCa(ca.name() + "-impostor", clock);
        }
        return impostorCa;
    }
}
