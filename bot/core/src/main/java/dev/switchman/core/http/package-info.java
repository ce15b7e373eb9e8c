/**
 * The seam between the embedded HTTP server of {@code switchman serve} and what answers on it: Slack's
 * events and interactivity, Discord's interactions endpoint, health, the status page. No server here:
 * core stays free of sockets; the app module owns the server.
 */
package dev.switchman.core.http;
