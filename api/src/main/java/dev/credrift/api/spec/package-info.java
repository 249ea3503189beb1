/**
 * The desired half of a {@code CredentialBinding}: which hop is the truth, where the credential comes from, where it
 * is copied to, who consumes it, which store judges it and how fast consumers may be rolled.
 *
 * <p>Records mirror the YAML one to one. Defaults that the CRD declares are applied in the compact constructors
 * too, so an object read from a server that does not default (the fabric8 mock server) looks like one read from a
 * real API server. Enums never fail to read: an unknown spelling becomes {@code UNRECOGNIZED}, which the validator
 * reports.
 */
package dev.credrift.api.spec;
