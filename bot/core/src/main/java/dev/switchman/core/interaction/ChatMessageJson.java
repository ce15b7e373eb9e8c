package dev.switchman.core.interaction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.core.chat.ChatMessage;

/** A {@link ChatMessage} as the JSON payload of an outbox entry, and back. */
final class ChatMessageJson {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ChatMessageJson() {
    }

    static String write(ChatMessage m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a chat message: " + e.getMessage(), e);
        }
    }

    static ChatMessage read(String json) {
        try {
            return JSON.readValue(json, ChatMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read a chat message from the outbox: " + e.getOriginalMessage(), e);
        }
    }
}
