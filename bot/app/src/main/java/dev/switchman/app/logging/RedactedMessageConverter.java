package dev.switchman.app.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.switchman.core.secret.Secrets;

/**
 * {@code %msg} with every secret masked ({@link Secrets#redact}): logback-spring.xml binds it to
 * {@code msg}, so no log line shows a password, a URL's user info or a token, whoever logged it
 * (our code, the JDBC driver, Flyway, Spring).
 */
public final class RedactedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Secrets.redact(super.convert(event));
    }
}
