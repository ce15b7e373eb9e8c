package dev.switchman.core.runbook;

import dev.switchman.core.chat.ChatUser;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Role name to members. Members are chat user ids qualified by platform: {@code console:alice},
 * {@code slack:U024BE7LH}, {@code discord:80351110224678912}, or platform groups resolved when the action
 * happens: {@code discord-role:<role id>}, {@code slack-group:<usergroup id>} (see {@link #has(String, ChatUser)}).
 * Standard roles: {@link #OWNER},
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

    /**
     * True when {@code user} holds {@code role}: the role names the user's qualified id, or one of the
     * groups the platform placed the user in for this action ({@link ChatUser#groups()}).
     */
    public boolean has(String role, ChatUser user) {
        List<String> members = of(role);
        return members.contains(user.qualifiedId()) || user.groups().stream().anyMatch(members::contains);
    }

    public boolean defines(String role) {
        return members.containsKey(role);
    }
}
