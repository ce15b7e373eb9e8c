package dev.switchman.checks.metrics;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.checks.connection.ConnectionException;
import dev.switchman.checks.connection.Connections;
import dev.switchman.checks.dns.DnsChecks;
import dev.switchman.checks.http.HopClient;
import dev.switchman.checks.http.Urls;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckStatus;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Where a metric check reads one number: a PromQL instant query against a Prometheus HTTP API
 * ({@code prometheus} + {@code query}: {@code GET <prometheus>/api/v1/query?query=...}, the result must be one
 * sample, a vector of one series or a scalar; Prometheus docs, "HTTP API", "Instant queries") or any JSON
 * endpoint ({@code url} + {@code pointer}, an RFC 6901 JSON Pointer to a number or a numeric string).
 * A query that returns no sample, several series or NaN (0/0: no traffic in the window) cannot be measured:
 * UNKNOWN, never PASS.
 */
final class MetricSource {

    static final int MAX_BODY = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The number read, or why there is none (the status to report and a sentence). */
    record Reading(double value, String where, CheckStatus failure, String problem) {

        boolean ok() {
            return failure == null;
        }

        static Reading of(double value, String where) {
            return new Reading(value, where, null, null);
        }

        static Reading failed(CheckStatus status, String where, String problem) {
            return new Reading(Double.NaN, where, status, problem);
        }
    }

    private MetricSource() {
    }

    /** The parameters every metric check takes. */
    static List<dev.switchman.core.check.ParamSpec> parameters() {
        return List.of(
                dev.switchman.core.check.ParamSpec.optional("prometheus", null,
                        "Prometheus base URL (http://prometheus:9090), ${env:VAR} or a connection name; with 'query'"),
                dev.switchman.core.check.ParamSpec.optional("query", null, "PromQL instant query returning one series or a scalar"),
                dev.switchman.core.check.ParamSpec.optional("url", null, "a JSON endpoint instead of Prometheus; with 'pointer'"),
                dev.switchman.core.check.ParamSpec.optional("pointer", null, "RFC 6901 JSON Pointer to the number in the url's answer, e.g. /errors/rate"),
                dev.switchman.core.check.ParamSpec.optional("ca", null, "PEM file of extra trusted roots for https (private CA)"));
    }

    /** Problems with the source parameters: exactly one of prometheus+query or url+pointer. */
    static List<String> validate(Map<String, String> params) {
        List<String> problems = new ArrayList<>();
        boolean prom = present(params, "prometheus") || present(params, "query");
        boolean json = present(params, "url") || present(params, "pointer");
        if (prom == json) {
            problems.add("give either 'prometheus' and 'query' (a PromQL instant query) or 'url' and 'pointer' (a JSON endpoint), not "
                    + (prom ? "both" : "neither"));
            return problems;
        }
        if (prom && !(present(params, "prometheus") && present(params, "query"))) {
            problems.add("parameters 'prometheus' and 'query' go together");
        }
        if (json && !(present(params, "url") && present(params, "pointer"))) {
            problems.add("parameters 'url' and 'pointer' go together");
        }
        if (present(params, "url") && !params.get("url").trim().startsWith("${env:")) {
            Urls.problem(params.get("url").trim()).ifPresent(problems::add);
        }
        if (present(params, "pointer")) {
            try {
                JsonPointer.compile(params.get("pointer").trim());
            } catch (IllegalArgumentException e) {
                problems.add("parameter 'pointer': '" + params.get("pointer") + "' is not a JSON Pointer (RFC 6901: /a/b/0)");
            }
        }
        return problems;
    }

    static boolean present(Map<String, String> params, String name) {
        String v = params.get(name);
        return v != null && !v.isBlank();
    }

    /** Reads the number within the request's deadline. */
    static Reading read(CheckRequest request) {
        boolean prom = present(request.params(), "prometheus");
        HttpUrl url;
        String where;
        try {
            if (prom) {
                HttpUrl base = Urls.parse(Connections.of(request).url(request, "prometheus"));
                String query = request.param("query").trim();
                url = base.newBuilder().addPathSegments("api/v1/query").addQueryParameter("query", query).build();
                where = Urls.display(base) + " query " + query;
            } else {
                url = Urls.parse(Connections.of(request).url(request, "url"));
                where = Urls.display(url) + " at " + request.param("pointer").trim();
            }
        } catch (IllegalArgumentException | ConnectionException e) {
            return Reading.failed(CheckStatus.ERROR, request.param(prom ? "prometheus" : "url", ""), e.getMessage());
        }
        Duration left = request.remaining();
        if (left.isZero()) {
            return Reading.failed(CheckStatus.UNKNOWN, where, "deadline reached before asking " + Urls.display(url));
        }
        HopClient.Exchanged got;
        try {
            Request get = new Request.Builder().url(url).get().header("Accept", "application/json").header("User-Agent", "switchman-metrics/1").build();
            got = HopClient.create(request.param("ca"), url.host(), null, request.environment(), DnsChecks.deadline(request)).execute(get, left, MAX_BODY);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Reading.failed(CheckStatus.ERROR, where, e.getMessage());
        } catch (HopClient.HopFailure e) {
            return Reading.failed(e.status(), where, e.getMessage());
        }
        JsonNode body;
        try {
            body = JSON.readTree(got.body());
        } catch (IOException e) {
            return Reading.failed(CheckStatus.ERROR, where, Urls.display(url) + " answered " + got.hop().status() + " without JSON");
        }
        if (prom) {
            return prometheus(where, got.hop().status(), body);
        }
        if (got.hop().status() < 200 || got.hop().status() > 299) {
            return Reading.failed(CheckStatus.ERROR, where, Urls.display(url) + " answered " + got.hop().status());
        }
        return number(where, body.at(request.param("pointer").trim()), "the value at " + request.param("pointer").trim());
    }

    /** Reads {@code {"status":"success","data":{"resultType":...,"result":...}}}. */
    static Reading prometheus(String where, int httpStatus, JsonNode body) {
        if (!"success".equals(body.path("status").asText())) {
            String error = body.path("error").asText("");
            return Reading.failed(CheckStatus.ERROR, where, "Prometheus answered " + httpStatus + (error.isEmpty() ? "" : ": "
                    + body.path("errorType").asText("error") + ": " + error));
        }
        JsonNode data = body.path("data");
        String type = data.path("resultType").asText("");
        JsonNode result = data.path("result");
        switch (type) {
            case "scalar":
                return number(where, result.path(1), "the scalar");
            case "vector":
                if (result.size() == 0) {
                    return Reading.failed(CheckStatus.UNKNOWN, where, "the query returned no samples (no such series, or nothing in the window)");
                }
                if (result.size() > 1) {
                    return Reading.failed(CheckStatus.UNKNOWN, where, "the query returned " + result.size()
                            + " series; aggregate it to one (sum, max, avg ... by ())");
                }
                return number(where, result.get(0).path("value").path(1), "the sample");
            default:
                return Reading.failed(CheckStatus.ERROR, where, "the query returned a " + (type.isEmpty() ? "result of no type" : type)
                        + "; expected an instant vector of one series or a scalar");
        }
    }

    private static Reading number(String where, JsonNode node, String what) {
        double v;
        if (node.isNumber()) {
            v = node.asDouble();
        } else if (node.isTextual()) {
            String t = node.asText().trim();
            try {
                v = switch (t) {
                    case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
                    case "-Inf" -> Double.NEGATIVE_INFINITY;
                    default -> Double.parseDouble(t);
                };
            } catch (NumberFormatException e) {
                return Reading.failed(CheckStatus.ERROR, where, what + " is not a number: '" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "'");
            }
        } else {
            return Reading.failed(CheckStatus.ERROR, where, node.isMissingNode() ? what + " is missing" : what + " is not a number");
        }
        if (Double.isNaN(v)) {
            return Reading.failed(CheckStatus.UNKNOWN, where, what + " is NaN (0/0: no requests in the window?)");
        }
        return Reading.of(v, where);
    }
}
