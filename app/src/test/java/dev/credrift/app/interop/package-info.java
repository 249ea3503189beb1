/** Tests that independent tools (kcat) read what credrift writes. */
package dev.credrift.app.interop;
