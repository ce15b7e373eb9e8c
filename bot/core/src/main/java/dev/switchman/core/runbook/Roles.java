package dev.switchman.core.runbook;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Role name to members. Members are chat user ids qualified by platform: {@code console:alice},
 * {@code slack:U024BE7LH}, {@code discord:80351110224678912}. Standard roles: {@link #OWNER},
 * {@link #APPROVERS}, {@link #ROLLBACK_AUTHORITY}; a runbook may name more.
 */
public record Roles(Map<String, List<String>> members) {

    public static final String OWNER = "owner";
    public static final String APPROVERS = "approvers";
    public static final String ROLLBACK_AUTHORITY = "rollback-authority";

    public Roles {
        Map<String, List<String>> copy = new TreeMap<>();
        if (members != null) {
            members.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        }
        members = java.util.Collections.unmodifiableMap(copy);
    }

    public List<String> of(String role) {
        return members.getOrDefault(role, List.of());
    }

    public boolean has(String role, String userId) {
        return of(role).contains(userId);
    }

    public boolean defines(String role) {
        return members.containsKey(role);
    }
}
