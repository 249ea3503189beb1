package dev.credrift.sandbox.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x509.GeneralName;

// Tells IP literals from DNS names without ever resolving a name.
final class SubjectAltNames {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern DNS = Pattern.compile(
            "(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?" + "(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

    private SubjectAltNames() {}

    static List<String> validate(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("server certificate subjectAltNames: give at least one DNS name or IP");
        }
        for (String name : names) {
            if (name == null || !(isIpLiteral(name) || DNS.matcher(name).matches())) {
                throw new IllegalArgumentException("server certificate subjectAltNames: '" + name
                        + "' is neither an IP address literal nor a DNS name");
            }
        }
        return List.copyOf(names);
    }

    static boolean isIpLiteral(String name) {
        return IPV4.matcher(name).matches() || name.contains(":");
    }

    static GeneralName toGeneralName(String name) {
        if (!isIpLiteral(name)) {
            return new GeneralName(GeneralName.dNSName, name);
        }
        try {
            // a literal is parsed, not looked up
            return new GeneralName(
                    GeneralName.iPAddress, InetAddress.getByName(name).getHostAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(
                    "server certificate subjectAltNames: '" + name + "' is not a valid IP address", e);
        }
    }
}
