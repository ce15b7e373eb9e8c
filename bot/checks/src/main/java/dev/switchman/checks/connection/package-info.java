/**
 * Connections for the data and infrastructure checks ({@code checks.db}, {@code checks.queue}):
 * resolving a connection parameter (a URL, {@code ${env:VAR}}, or a connection name) to a URL,
 * opening JDBC connections with the request's deadline, and hiding credentials in anything that
 * is shown. Depends on core's check SPI only.
 */
package dev.switchman.checks.connection;
