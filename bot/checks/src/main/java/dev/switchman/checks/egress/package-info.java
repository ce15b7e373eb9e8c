/**
 * The {@code egress.*} check family: {@code egress.tcp}, TCP connect (and optionally a TLS
 * handshake) from this host to each third-party endpoint, so a new firewall that blocks what the old
 * one allowed shows before cutover. Documented in docs/checks-egress.md. Depends on core's check SPI.
 */
package dev.switchman.checks.egress;
