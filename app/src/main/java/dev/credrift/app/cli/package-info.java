/**
 * Command-line plumbing shared by {@code credrift}'s commands: value converters that turn bad input into messages
 * naming the option, and the process environment as an injectable lookup.
 */
package dev.credrift.app.cli;
