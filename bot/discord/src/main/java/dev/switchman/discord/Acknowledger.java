package dev.switchman.discord;

import dev.switchman.core.chat.ChatMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * How one interaction is answered the first time, which Discord requires within 3 seconds (docs:
 * "Interactions / Receiving and Responding", Responding to an Interaction). The HTTP endpoint puts the
 * response in its HTTP answer; the gateway calls JDA ({@code deferReply}, {@code reply},
 * {@code replyChoiceStrings}). Each returns a future that completes once Discord has (or will have) the
 * response: edits of {@code @original} wait for it.
 */
interface Acknowledger {

    /** {@code DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE} (type 5), ephemeral (flag 64) or not. */
    CompletableFuture<?> defer(boolean ephemeral);

    /** {@code CHANNEL_MESSAGE_WITH_SOURCE} (type 4): the answer itself, when it is ready at once. */
    CompletableFuture<?> reply(ChatMessage message, boolean ephemeral);

    /** {@code APPLICATION_COMMAND_AUTOCOMPLETE_RESULT} (type 8): at most 25 choices. */
    void choices(List<String> choices);
}
