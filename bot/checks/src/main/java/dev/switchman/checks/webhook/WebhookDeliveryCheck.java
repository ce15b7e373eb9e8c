package dev.switchman.checks.webhook;

import dev.switchman.checks.connection.ConnectionException;
import dev.switchman.checks.connection.Connections;
import dev.switchman.checks.connection.Jdbc;
import dev.switchman.checks.dns.DnsChecks;
import dev.switchman.checks.dns.HostAddresses;
import dev.switchman.checks.http.HopClient;
import dev.switchman.checks.http.Urls;
import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.check.ParamSpec;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * {@code webhook.delivery}: sends one synthetic event to a webhook endpoint, signed as the payment
 * provider signs it ({@link SigningScheme}: Stripe or Standard Webhooks, HMAC-SHA256 over the timestamp
 * and the body), and expects a 2xx (or {@code expect-status}); optionally then counts the event's side
 * effect with SQL ({@code side-effect-db}, {@code side-effect-sql} with one {@code ?} bound to the event
 * id). Catches the cutover that moved the shop but not its payment confirmations: a new server without
 * the signing secret answers 400, one behind a new firewall does not answer.
 *
 * <p>PASS on the expected status (and the side effect found); FAIL on another status, a missing side
 * effect or a TLS failure; UNKNOWN on a timeout; ERROR when nothing answered. Observations: {@code status},
 * {@code ms}, {@code failures} (0 or 1: the rollback rule also counts consecutive failures),
 * {@code event-id}, {@code side-effect} (true/false, only with SQL), {@code address}. The secret is read
 * from {@code ${env:VAR}} or {@code ${file:PATH}} and never shown.
 */
public final class WebhookDeliveryCheck implements CheckProvider {

    public static final String KIND = "webhook.delivery";
    static final String DEFAULT_EVENT = "{\"id\":\"{{id}}\",\"object\":\"event\",\"type\":\"switchman.synthetic\",\"livemode\":false,"
            + "\"created\":{{created}},\"data\":{\"object\":{\"synthetic\":true,\"note\":\"sent by Switchman's webhook.delivery check\"}}}";
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final int MAX_BODY = 512;

    private final Function<String, String> env;

    public WebhookDeliveryCheck() {
        this(System::getenv);
    }

    /** With {@code env} standing for the process environment ({@code ${env:VAR}} secrets); tests pass a map. */
    public WebhookDeliveryCheck(Function<String, String> env) {
        this.env = env;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String summary() {
        return "A synthetic payment-provider event, signed (stripe or standard-webhooks), answered 2xx; optionally its side effect by SQL";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required("url", "the webhook endpoint: an http(s) URL or ${env:VAR}"),
                ParamSpec.required("secret", "the signing secret as ${env:VAR} or ${file:PATH} (never the secret itself)"),
                ParamSpec.optional("scheme", "stripe", "how to sign: " + String.join(" or ", SigningScheme.ids())),
                ParamSpec.optional("event", null, "JSON body to send; {{id}} and {{created}} are replaced (default: a synthetic event)"),
                ParamSpec.optional("address", null, "IP address to send the request to (the new server before DNS moves), with the real Host header and SNI"),
                ParamSpec.optional("expect-status", null, "status that counts as delivered (default: any 2xx)"),
                ParamSpec.optional("ca", null, "PEM file of extra trusted roots for https (private CA)"),
                ParamSpec.optional("side-effect-db", null, "database the handler writes to: a JDBC URL, ${env:VAR} or a connection name; with side-effect-sql"),
                ParamSpec.optional("side-effect-sql", null, "SQL counting the event's effect, one ? bound to the event id, e.g. select count(*) from webhook_events where id = ?"));
    }

    @Override
    public List<String> validate(Map<String, String> params) {
        List<String> problems = new ArrayList<>(CheckProvider.super.validate(params));
        String url = params.get("url");
        if (url != null && !url.isBlank() && !url.trim().startsWith("${env:")) {
            Urls.problem(url.trim()).ifPresent(problems::add);
        }
        SecretParam.problem("secret", params.get("secret")).ifPresent(problems::add);
        try {
            SigningScheme.of(params.getOrDefault("scheme", "stripe"));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        String expect = params.get("expect-status");
        if (expect != null && !expect.isBlank() && !expect.trim().matches("[1-5]\\d\\d")) {
            problems.add("parameter 'expect-status': '" + expect + "' is not an HTTP status (expected 100..599)");
        }
        boolean db = params.get("side-effect-db") != null && !params.get("side-effect-db").isBlank();
        String sql = params.get("side-effect-sql");
        boolean hasSql = sql != null && !sql.isBlank();
        if (db != hasSql) {
            problems.add("parameters 'side-effect-db' and 'side-effect-sql' go together (the database and the SQL counting the event's effect)");
        } else if (hasSql && sql.chars().filter(c -> c == '?').count() != 1) {
            problems.add("parameter 'side-effect-sql': expected exactly one ? (bound to the event id)");
        }
        return problems;
    }

    @Override
    public CheckResult run(CheckRequest request) {
        Map<String, Object> obs = new LinkedHashMap<>();
        String urlText;
        HttpUrl url;
        SigningScheme scheme;
        String secret;
        try {
            urlText = Connections.of(request).url(request, "url");
            url = Urls.parse(urlText);
            scheme = SigningScheme.of(request.param("scheme", "stripe"));
            secret = new SecretParam(env).resolve("secret", request.param("secret"));
        } catch (IllegalArgumentException | ConnectionException e) {
            return request.result(CheckStatus.ERROR, request.param("url", ""), e.getMessage(), obs);
        }
        String address = request.param("address");
        String shown = Urls.display(url);
        String target = shown + (address == null || address.isBlank() ? "" : " via " + address.trim());
        long created = request.clock().instant().getEpochSecond();
        String eventId = "evt_switchman_" + request.checkId().replaceAll("[^A-Za-z0-9]", "_") + "_" + created;
        String body = request.param("event", DEFAULT_EVENT).replace("{{id}}", eventId).replace("{{created}}", Long.toString(created));
        obs.put("event-id", eventId);
        Map<String, String> signature;
        try {
            signature = scheme.headers(secret, eventId, created, body);
        } catch (IllegalArgumentException e) {
            return request.result(CheckStatus.ERROR, target, e.getMessage(), obs);
        }
        InetAddress pinned = null;
        if (address != null && !address.isBlank()) {
            HostAddresses.Resolution r = HostAddresses.resolve(address.trim(), null, request.environment(), DnsChecks.deadline(request));
            if (!r.ok()) {
                return request.result(r.failure(), target, r.problem(), obs);
            }
            pinned = r.addresses().get(0);
        }
        Duration left = request.remaining();
        if (left.isZero()) {
            return request.result(CheckStatus.UNKNOWN, target, "deadline reached before sending to " + shown, obs);
        }
        Request.Builder post = new Request.Builder().url(url).post(RequestBody.create(body, JSON))
                .header("User-Agent", "switchman-webhook/1");
        signature.forEach(post::header);
        HopClient.Exchanged got;
        try {
            got = HopClient.create(request.param("ca"), url.host(), pinned, request.environment(), DnsChecks.deadline(request))
                    .execute(post.build(), left, MAX_BODY);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return request.result(CheckStatus.ERROR, target, e.getMessage(), obs);
        } catch (HopClient.HopFailure e) {
            obs.put("failures", 1);
            return request.result(e.status(), target, e.getMessage(), obs);
        }
        int status = got.hop().status();
        obs.put("status", status);
        obs.put("ms", got.hop().totalMs());
        obs.put("address", got.hop().address());
        String expect = request.param("expect-status");
        boolean delivered = expect == null || expect.isBlank() ? status >= 200 && status < 300 : status == Integer.parseInt(expect.trim());
        String sent = scheme.id() + "-signed event " + eventId + " to " + shown + (got.hop().address().isEmpty() ? "" : " at " + got.hop().address());
        if (!delivered) {
            obs.put("failures", 1);
            String answer = got.body().isBlank() ? "" : ": " + oneLine(got.body());
            return request.result(CheckStatus.FAIL, target, sent + " answered " + status + answer
                    + (expect == null || expect.isBlank() ? "; expected 2xx" : "; expected " + expect.trim())
                    + (status == 400 || status == 401 ? " (is the new side missing the signing secret?)" : ""), obs);
        }
        String sql = request.param("side-effect-sql");
        if (sql == null || sql.isBlank()) {
            obs.put("failures", 0);
            return request.result(CheckStatus.PASS, target, sent + " answered " + status + " in " + got.hop().totalMs() + " ms", obs);
        }
        return sideEffect(request, target, sent, status, sql, eventId, obs);
    }

    private static CheckResult sideEffect(CheckRequest request, String target, String sent, int status, String sql, String eventId,
                                          Map<String, Object> obs) {
        String db;
        try {
            db = Connections.of(request).url(request, "side-effect-db");
        } catch (ConnectionException e) {
            return request.result(CheckStatus.ERROR, target, e.getMessage(), obs);
        }
        Duration left = request.remaining();
        if (left.isZero()) {
            return request.result(CheckStatus.UNKNOWN, target, sent + " answered " + status + "; deadline reached before its side effect was counted", obs);
        }
        long count;
        try (Connection c = Jdbc.open(db, left, false); PreparedStatement ps = c.prepareStatement(sql.trim())) {
            ps.setQueryTimeout((int) Math.max(1, left.toSeconds()));
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                count = rs.next() ? rs.getLong(1) : 0;
            }
        } catch (ConnectionException e) {
            return request.result(CheckStatus.ERROR, target, sent + " answered " + status + "; " + e.getMessage(), obs);
        } catch (SQLException e) {
            return request.result(CheckStatus.ERROR, target, sent + " answered " + status + "; side-effect-sql failed on " + Jdbc.where(db)
                    + ": " + Jdbc.firstLine(e.getMessage()), obs);
        }
        boolean found = count > 0;
        obs.put("side-effect", found);
        obs.put("failures", found ? 0 : 1);
        return request.result(found ? CheckStatus.PASS : CheckStatus.FAIL, target, sent + " answered " + status + "; side effect "
                + (found ? "found (" + count + " row" + (count == 1 ? "" : "s") + ")" : "NOT found: the handler acknowledged but did not record it")
                + " in " + Jdbc.where(db), obs);
    }

    private static String oneLine(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }
}
