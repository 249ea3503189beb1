/**
 * A private PKI for test worlds: {@link dev.credrift.sandbox.tls.TestPki} makes a CA and issues
 * {@link dev.credrift.sandbox.tls.ServerCertificate server certificates} — valid, expired, for the
 * wrong host, or from another CA — as PEM (a ConfigMap's {@code ca.crt}) and as key stores for servers.
 */
package dev.credrift.sandbox.tls;
