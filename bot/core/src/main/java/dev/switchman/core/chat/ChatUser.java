package dev.switchman.core.chat;

/** Who sent a command: platform ({@code console}, {@code slack}, {@code discord}), id, display name. */
public record ChatUser(String platform, String id, String displayName) {

    /** The qualified id runbooks name in roles: {@code platform:id}. */
    public String qualifiedId() {
        return platform + ":" + id;
    }

    public static ChatUser console(String name) {
        return new ChatUser("console", name, name);
    }
}
