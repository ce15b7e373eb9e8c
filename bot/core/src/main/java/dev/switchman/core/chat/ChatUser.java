package dev.switchman.core.chat;

import java.util.Set;

/**
 * Who acted: platform ({@code console}, {@code slack}, {@code discord}), id, display name, and the
 * platform groups the user belongs to at the time of the action, qualified like role members
 * ({@code discord-role:<role id>} from the verified interaction's {@code member.roles},
 * {@code slack-group:<usergroup id>}). A runbook role may name a group instead of each person
 * ({@link dev.switchman.core.runbook.Roles#has(String, ChatUser)}). Backends fill {@code groups} only from
 * what the platform verified (a signed request or the gateway), never from a field a client controls.
 */
public record ChatUser(String platform, String id, String displayName, Set<String> groups) {

    public ChatUser {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    /** A user with no groups. */
    public ChatUser(String platform, String id, String displayName) {
        this(platform, id, displayName, Set.of());
    }

    /** The qualified id runbooks name in roles: {@code platform:id}. */
    public String qualifiedId() {
        return platform + ":" + id;
    }

    public static ChatUser console(String name) {
        return new ChatUser("console", name, name);
    }
}
