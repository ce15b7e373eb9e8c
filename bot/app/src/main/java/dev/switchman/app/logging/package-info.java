/**
 * Logging: logback converters that mask secrets in every log line ({@code %msg}, {@code %ex}) with
 * the one redaction of {@link dev.switchman.core.secret.Secrets}. Used by logback-spring.xml only.
 */
package dev.switchman.app.logging;
