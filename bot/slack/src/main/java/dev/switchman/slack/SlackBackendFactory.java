package dev.switchman.slack;

import dev.switchman.core.chat.ChatBackend;
import dev.switchman.core.chat.ChatBackendFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Slack for {@code switchman serve}, from the environment: {@value #BOT_TOKEN} (the bot token,
 * {@code xoxb-...}), {@value #APP_TOKEN} (Socket Mode: {@code xapp-...}, no public URL needed) and/or
 * {@value #SIGNING_SECRET} (HTTP mode: requests to {@value SlackBackend#PATH} are verified with it) and optionally {@value #API_URL} (the Web API base URL, default
 * {@value SlackBackend#DEFAULT_API_URL}: a proxy, or a loopback fake in tests) and {@value #USER_GROUPS}
 * ({@code true}: roles may name Slack user groups). Configured when any of
 * them is set.
 */
public final class SlackBackendFactory implements ChatBackendFactory {

    public static final String BOT_TOKEN = "SLACK_BOT_TOKEN";
    public static final String SIGNING_SECRET = "SLACK_SIGNING_SECRET";
    public static final String APP_TOKEN = "SLACK_APP_TOKEN";
    public static final String API_URL = "SLACK_API_URL";
    /** {@code true}: resolve users' Slack user groups, so roles may name {@code slack-group:<id>} (scope {@code usergroups:read}). */
    public static final String USER_GROUPS = "SLACK_USER_GROUPS";

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public List<String> variables() {
        return List.of(BOT_TOKEN, APP_TOKEN + " or " + SIGNING_SECRET);
    }

    @Override
    public boolean configured(Map<String, String> env) {
        return set(env, BOT_TOKEN) || set(env, SIGNING_SECRET) || set(env, APP_TOKEN);
    }

    @Override
    public ChatBackend create(Map<String, String> env, Clock clock) {
        String token = env.get(BOT_TOKEN);
        if (!set(env, BOT_TOKEN)) {
            throw new IllegalArgumentException(BOT_TOKEN + " is not set (the Bot User OAuth Token, xoxb-..., on the app's OAuth & Permissions page)");
        }
        token = token.trim();
        if (!token.startsWith("xoxb-") || token.length() < 16) {
            throw new IllegalArgumentException(BOT_TOKEN + " is not a bot token (it starts with xoxb- and is longer than 16 characters)");
        }
        String appToken = set(env, APP_TOKEN) ? env.get(APP_TOKEN).trim() : null;
        if (appToken != null && (!appToken.startsWith("xapp-") || appToken.length() < 16)) {
            throw new IllegalArgumentException(APP_TOKEN + " is not an app-level token (it starts with xapp- and needs the connections:write scope)");
        }
        if (!set(env, SIGNING_SECRET) && appToken == null) {
            throw new IllegalArgumentException(SIGNING_SECRET + " is not set (the Signing Secret on the app's Basic Information page; requests to "
                    + SlackBackend.PATH + " are verified with it), nor " + APP_TOKEN + " (Socket Mode)");
        }
        String secret = set(env, SIGNING_SECRET) ? env.get(SIGNING_SECRET).trim() : null;
        if (secret != null && secret.length() < 16) {
            throw new IllegalArgumentException(SIGNING_SECRET + " is too short to be a signing secret (32 hex characters)");
        }
        String api = set(env, API_URL) ? env.get(API_URL).trim() : SlackBackend.DEFAULT_API_URL;
        try {
            URI u = new URI(api);
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null
                    || u.getUserInfo() != null) {
                throw new URISyntaxException(api, "not an http(s) URL without credentials");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(API_URL + " must be an http(s) URL such as " + SlackBackend.DEFAULT_API_URL);
        }
        String groups = env.getOrDefault(USER_GROUPS, "false").trim();
        if (!groups.equals("true") && !groups.equals("false") && !groups.isEmpty()) {
            throw new IllegalArgumentException(USER_GROUPS + " must be true or false, got '" + groups + "'");
        }
        return new SlackBackend(token, secret, appToken, api, clock, groups.equals("true"));
    }

    /** The configuration, then {@code auth.test} with the bot token against the Web API it names. */
    @Override
    public List<Finding> doctor(Map<String, String> env, Clock clock) {
        SlackBackend backend;
        try {
            backend = (SlackBackend) create(env, clock);
        } catch (IllegalArgumentException e) {
            return List.of(new Finding(false, dev.switchman.core.secret.Secrets.message(e)));
        }
        try {
            return List.of(new Finding(true, "configuration is valid: " + backend.mode()), backend.authTest());
        } finally {
            backend.close();
        }
    }

    private static boolean set(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }
}
