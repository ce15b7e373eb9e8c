/**
 * Loopback servers and fixtures shared by the tests and the benchmarks ({@code switchman bench spf}):
 * a DNS server answering from a {@link dev.switchman.checks.testing.Zone}, and the locator of the shared
 * conformance suites. They bind 127.0.0.1 only, on ephemeral ports. Nothing in the check providers
 * depends on this package.
 */
package dev.switchman.checks.testing;
