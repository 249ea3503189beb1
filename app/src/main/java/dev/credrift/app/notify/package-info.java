/** {@code credrift notify test}: sends one sample message to a configured sink so an operator can check it. */
package dev.credrift.app.notify;
