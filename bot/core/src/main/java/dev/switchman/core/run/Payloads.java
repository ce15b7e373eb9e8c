package dev.switchman.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.decision.Decision;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON payloads of run events: small objects, instants and durations as ISO-8601 strings. */
public final class Payloads {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // null values (an observation without a value) are left out: records such as Evidence copy maps with Map.copyOf
            .setDefaultPropertyInclusion(com.fasterxml.jackson.annotation.JsonInclude.Value.construct(
                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL, com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL));

    private Payloads() {
    }

    /** Key/value pairs as a JSON object; null values are left out. */
    public static String of(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                m.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
            }
        }
        return write(m);
    }

    /** {@code value} as JSON, secrets masked ({@link dev.switchman.core.secret.Secrets#redact}): what the event log keeps. */
    public static String write(Object value) {
        try {
            return dev.switchman.core.secret.Secrets.redact(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write payload: " + e.getMessage(), e);
        }
    }

    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json == null || json.isBlank() ? "{}" : json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read payload: " + e.getMessage(), e);
        }
    }

    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    public static String checkResult(CheckResult r) {
        // the per-result hot path: written field by field, byte for byte what MAPPER writes for the record
        // (PayloadsTest pins that), without bean introspection per result
        java.io.StringWriter out = new java.io.StringWriter(160 + 24 * r.observations().size());
        try (com.fasterxml.jackson.core.JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("checkId", r.checkId());
            g.writeStringField("kind", r.kind());
            g.writeStringField("target", r.target());
            g.writeStringField("status", r.status().name());
            g.writeObjectFieldStart("observations");
            for (Map.Entry<String, Object> e : r.observations().entrySet()) {
                Object v = e.getValue();
                if (v == null) {
                    continue;
                }
                g.writeFieldName(e.getKey());
                if (v instanceof String str) {
                    g.writeString(str);
                } else if (v instanceof Boolean b) {
                    g.writeBoolean(b);
                } else if (v instanceof Integer i) {
                    g.writeNumber(i);
                } else if (v instanceof Long l) {
                    g.writeNumber(l);
                } else if (v instanceof Double d) {
                    g.writeNumber(d);
                } else {
                    g.writeObject(v);
                }
            }
            g.writeEndObject();
            g.writeStringField("message", r.message());
            g.writeStringField("observedAt", r.observedAt().toString());
            g.writeStringField("duration", r.duration().toString());
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot write payload: " + e.getMessage(), e);
        }
        return out.toString();
    }

    public static CheckResult checkResult(JsonNode node) {
        try {
            return MAPPER.treeToValue(node, CheckResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read check result: " + e.getMessage(), e);
        }
    }

    public static String decision(Decision d) {
        return write(d);
    }

    public static Decision decision(JsonNode node) {
        try {
            return MAPPER.treeToValue(node, Decision.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read decision: " + e.getMessage(), e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
