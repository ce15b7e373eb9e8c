/**
 * The {@code env.*} check family: {@code env.parity}, old and new environments compared by key and
 * by value hash (values never shown). Documented in docs/checks-env.md. Depends on core's check SPI.
 */
package dev.switchman.checks.env;
