package dev.switchman.checks.db;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Value checks shared by the db.* kinds: numbers and SQL identifiers, one sentence per problem. */
final class DbParams {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

    private DbParams() {
    }

    static void nonNegativeNumber(Map<String, String> params, String name, List<String> problems) {
        String v = params.get(name);
        if (v == null || v.isBlank()) {
            return;
        }
        try {
            if (Double.parseDouble(v.trim()) < 0) {
                problems.add("parameter '" + name + "': " + v.trim() + " is negative (expected a number >= 0)");
            }
        } catch (NumberFormatException e) {
            problems.add("parameter '" + name + "': '" + v.trim() + "' is not a number");
        }
    }

    static void positiveInt(Map<String, String> params, String name, List<String> problems) {
        String v = params.get(name);
        if (v == null || v.isBlank()) {
            return;
        }
        try {
            if (Integer.parseInt(v.trim()) < 1) {
                problems.add("parameter '" + name + "': " + v.trim() + " is not positive (expected a whole number >= 1)");
            }
        } catch (NumberFormatException e) {
            problems.add("parameter '" + name + "': '" + v.trim() + "' is not a whole number");
        }
    }

    /** Comma-separated identifiers ({@code table}, {@code schema.table}, {@code column}). */
    static void identifiers(Map<String, String> params, String name, List<String> problems) {
        String v = params.get(name);
        if (v == null || v.isBlank()) {
            return;
        }
        for (String id : list(v)) {
            if (!IDENTIFIER.matcher(id).matches()) {
                problems.add("parameter '" + name + "': '" + id + "' is not a plain SQL identifier (letters, digits, _; optionally schema.name)");
            }
        }
    }

    static void oneOf(Map<String, String> params, String name, List<String> allowed, List<String> problems) {
        String v = params.get(name);
        if (v != null && !v.isBlank() && !allowed.contains(v.trim())) {
            problems.add("parameter '" + name + "': '" + v.trim() + "' is not one of " + allowed);
        }
    }

    static List<String> list(String v) {
        if (v == null || v.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static Double number(String v) {
        return v == null || v.isBlank() ? null : Double.valueOf(v.trim());
    }
}
