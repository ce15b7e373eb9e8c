package dev.switchman.checks.webhook;

import dev.switchman.core.secret.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * A secret parameter (a signing secret): only {@code ${env:VAR}} or {@code ${file:PATH}}, never the
 * value itself, because a runbook's parameters are written to the event log. The value read is
 * registered with {@link Secrets} so every later message, result and log line masks it. Errors name the
 * parameter and the variable or file, never the value.
 */
final class SecretParam {

    private final Function<String, String> env;

    SecretParam(Function<String, String> env) {
        this.env = env;
    }

    /** The problem with a secret parameter's text, if any (validation: the reference's shape only). */
    static Optional<String> problem(String param, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        if ((v.startsWith("${env:") || v.startsWith("${file:")) && v.endsWith("}") && v.indexOf(':') + 1 < v.length() - 1) {
            return Optional.empty();
        }
        return Optional.of("parameter '" + param + "': give ${env:VAR} or ${file:PATH}, not the secret itself "
                + "(a runbook's parameters are written to the event log)");
    }

    /** The secret {@code value} refers to; IllegalArgumentException naming what is missing. */
    String resolve(String param, String value) {
        problem(param, value).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("parameter '" + param + "' is missing (${env:VAR} or ${file:PATH})");
        }
        String v = value.trim();
        String ref = v.substring(v.indexOf(':') + 1, v.length() - 1);
        String secret;
        if (v.startsWith("${env:")) {
            secret = env.apply(ref);
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("parameter '" + param + "': environment variable " + ref + " is not set");
            }
        } else {
            try {
                secret = Files.readString(Path.of(ref), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("parameter '" + param + "': cannot read " + ref + " (" + e.getClass().getSimpleName() + ")");
            }
            if (secret.isBlank()) {
                throw new IllegalArgumentException("parameter '" + param + "': " + ref + " is empty");
            }
        }
        secret = secret.strip();
        Secrets.register(secret);
        return secret;
    }
}
