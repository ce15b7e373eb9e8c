package dev.switchman.core.runbook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.chat.ChatUser;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RolesTest {

    private final Roles roles = new Roles(Map.of(
            Roles.APPROVERS, List.of("discord:80351110224678912", "discord-role:555"),
            Roles.ROLLBACK_AUTHORITY, List.of("console:carol")));

    @Test
    void aRoleNamingAUserIsHeldByThatUserOnly() {
        assertTrue(roles.has(Roles.APPROVERS, new ChatUser("discord", "80351110224678912", "dana")));
        assertFalse(roles.has(Roles.APPROVERS, new ChatUser("slack", "80351110224678912", "dana")));
        assertTrue(roles.has(Roles.ROLLBACK_AUTHORITY, ChatUser.console("carol")));
    }

    @Test
    void aRoleNamingAPlatformGroupIsHeldByItsMembersAtTheTimeOfTheAction() {
        assertTrue(roles.has(Roles.APPROVERS, new ChatUser("discord", "1", "eve", Set.of("discord-role:555"))));
        assertFalse(roles.has(Roles.APPROVERS, new ChatUser("discord", "1", "eve", Set.of("discord-role:556"))));
        assertFalse(roles.has(Roles.APPROVERS, new ChatUser("discord", "1", "eve")));
    }
}
