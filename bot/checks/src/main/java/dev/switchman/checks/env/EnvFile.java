package dev.switchman.checks.env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An environment read from a file, as key to SHA-256 of the value (the values themselves are not
 * kept): a {@code .env} file ({@code KEY=value}, {@code export KEY=value}, {@code #} comments,
 * single or double quotes around the value), an {@code env} dump (one {@code KEY=value} a line) or a
 * process's {@code /proc/PID/environ} (entries separated by NUL).
 */
final class EnvFile {

    private EnvFile() {
    }

    static Map<String, String> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] entries = text.indexOf('\0') >= 0 ? text.split("\0") : text.split("\r?\n");
        Map<String, String> out = new LinkedHashMap<>();
        for (String raw : entries) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'') && value.charAt(value.length() - 1) == value.charAt(0)) {
                value = value.substring(1, value.length() - 1);
            }
            out.put(key, sha256(value));
        }
        return out;
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
