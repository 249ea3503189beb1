/**
 * How the store probe trusts an HTTPS store: the binding's CA bundle, {@code serverName} and — only when
 * asked — {@code insecureSkipVerify} ({@link dev.credrift.reconciler.probe.tls.ProbeTls}), turned into the
 * client side of TLS ({@link dev.credrift.reconciler.probe.tls.TlsClient}) whose refusals say which check
 * failed ({@link dev.credrift.reconciler.probe.tls.ServerCertificateRejected}).
 */
package dev.credrift.reconciler.probe.tls;
