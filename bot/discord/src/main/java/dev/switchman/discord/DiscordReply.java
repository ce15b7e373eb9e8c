package dev.switchman.discord;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.MessageRef;
import dev.switchman.core.chat.Reply;
import dev.switchman.core.chat.Visibility;
import dev.switchman.core.command.Replies;
import dev.switchman.discord.rest.DiscordApiException;
import dev.switchman.discord.rest.DiscordRest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link Reply} of one Discord interaction. The bot calls {@link #ack} while its handler runs; when the
 * handler returns, {@link #acknowledge} sends Discord's first response with the visibility chosen: the
 * answer itself (type 4) when the bot already gave it (a parse error, a refused press), else a deferred
 * reply (type 5, "thinking…", flag 64 when ephemeral). Later answers edit the deferred reply
 * ({@code @original}) and then add follow-ups, through the interaction's webhook; they wait for the first
 * response to be out. A refusal or error after a public acknowledgement replaces the public placeholder
 * with an ephemeral follow-up (only the actor sees it). Calls are serialised per interaction.
 */
final class DiscordReply implements Reply {

    /** How long a later answer waits for the first response to be out. */
    private static final long ACK_WAIT_SECONDS = 10;

    private final Incoming in;
    private final DiscordRest rest;
    private final DiscordBackend backend;
    private final Executor executor;
    private final Thread handling = Thread.currentThread();
    private final CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    private final List<Runnable> afterAck = new ArrayList<>();
    private Visibility visibility;
    private ChatMessage inline;
    private boolean handled;
    private boolean originalUsed;

    DiscordReply(Incoming in, DiscordRest rest, DiscordBackend backend, Executor executor) {
        this.in = in;
        this.rest = rest;
        this.backend = backend;
        this.executor = executor;
    }

    @Override
    public synchronized void ack(Visibility v) {
        if (visibility == null && v != null) visibility = v;
    }

    /** Sends the first response (after the handler returned); what it answered at once goes in it. */
    void acknowledge(Acknowledger ack) {
        boolean ephemeral;
        ChatMessage first;
        synchronized (this) {
            handled = true;
            ephemeral = visibility == Visibility.EPHEMERAL;
            first = inline;
            originalUsed = first != null;
        }
        CompletableFuture<?> sent;
        try {
            sent = first != null ? ack.reply(first, ephemeral) : ack.defer(ephemeral);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((x, err) -> {
            if (err != null) acknowledged.completeExceptionally(err);
            else acknowledged.complete(null);
            List<Runnable> later;
            synchronized (this) {
                later = List.copyOf(afterAck);
                afterAck.clear();
            }
            later.forEach(executor::execute);
        });
    }

    /** True while the handler runs on this thread: nothing can be sent yet, Discord has no response. */
    private boolean beforeAck() {
        return !handled && Thread.currentThread() == handling;
    }

    @Override
    public MessageRef answer(ChatMessage message) {
        synchronized (this) {
            if (beforeAck()) {
                if (inline == null) {
                    inline = message;
                } else {
                    Visibility v = visibility;
                    afterAck.add(() -> followUp(message, v));
                }
                return null;
            }
        }
        awaitAck();
        synchronized (this) {
            boolean ephemeral = visibility == Visibility.EPHEMERAL;
            DiscordRest.Message m;
            if (!originalUsed && !ephemeral && Replies.isRefusalOrError(message)) {
                // acknowledged in public, refused later: the refusal is the actor's business only (it is in the log)
                rest.deleteOriginal(in.applicationId(), in.token());
                originalUsed = true;
                rest.followUp(in.applicationId(), in.token(), DiscordMessages.json(message, true));
                return null;
            }
            if (!originalUsed) {
                m = rest.editOriginal(in.applicationId(), in.token(), DiscordMessages.editJson(message));
                originalUsed = true;
            } else {
                m = rest.followUp(in.applicationId(), in.token(), DiscordMessages.json(message, ephemeral));
            }
            return ephemeral ? null : ref(m);
        }
    }

    @Override
    public void updateSource(ChatMessage message) {
        if (in.sourceMessageId() == null || !rest.hasBotToken()) {
            answer(message);
            return;
        }
        backend.update(new MessageRef(DiscordBackend.NAME, in.channelId(), in.sourceMessageId()), message);
    }

    @Override
    public MessageRef followUp(ChatMessage message, Visibility v) {
        synchronized (this) {
            if (beforeAck()) {
                afterAck.add(() -> followUp(message, v));
                return null;
            }
        }
        awaitAck();
        synchronized (this) {
            DiscordRest.Message m = rest.followUp(in.applicationId(), in.token(), DiscordMessages.json(message, v == Visibility.EPHEMERAL));
            return v == Visibility.EPHEMERAL ? null : ref(m);
        }
    }

    private MessageRef ref(DiscordRest.Message m) {
        if (m == null || m.id() == null) return null;
        return new MessageRef(DiscordBackend.NAME, m.channelId() != null ? m.channelId() : in.channelId(), m.id());
    }

    private void awaitAck() {
        try {
            acknowledged.get(ACK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiscordApiException("interrupted while waiting for the interaction's acknowledgement", 0, 0, e);
        } catch (ExecutionException e) {
            throw new DiscordApiException("the interaction could not be acknowledged: " + dev.switchman.core.secret.Secrets.message(e.getCause()),
                    0, 0, e.getCause());
        } catch (TimeoutException e) {
            throw new DiscordApiException("the interaction was not acknowledged within " + ACK_WAIT_SECONDS + " s", 0, 0, e);
        }
    }
}
