package dev.switchman.app.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.switchman.core.secret.Secrets;

/**
 * A logged exception's stack trace with every secret in its messages (and its causes') masked
 * ({@link Secrets#redact}); logback-spring.xml binds it to {@code ex}.
 */
public final class RedactedThrowableConverter extends ThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Secrets.redact(super.convert(event));
    }
}
