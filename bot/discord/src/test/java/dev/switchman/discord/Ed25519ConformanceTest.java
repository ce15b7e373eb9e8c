package dev.switchman.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.core.testing.Conformance;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Wycheproof's Ed25519 verification vectors (../shared/conformance/crypto-primitives/, 151 tests), run whole
 * through the primitive every Discord request is checked with: {@link InteractionSignature#publicKey} (raw
 * key to X.509) and {@link InteractionSignature#verify} (the JDK's Ed25519). A vector passes when we accept
 * exactly the signatures Wycheproof calls valid.
 */
class Ed25519ConformanceTest {

    private static final AtomicInteger PASSED = new AtomicInteger();
    private static final AtomicInteger FAILED = new AtomicInteger();
    private static final List<String> FAILURES = java.util.Collections.synchronizedList(new ArrayList<>());
    private static int declared;

    @TestFactory
    Stream<DynamicTest> everyWycheproofVectorIsJudgedAsItSays() throws Exception {
        Path file = Conformance.dir("crypto-primitives").resolve("wycheproof-ed25519_test.json");
        JsonNode suite = new ObjectMapper().readTree(file.toFile());
        declared = suite.path("numberOfTests").asInt();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode group : suite.path("testGroups")) {
            String pk = group.path("publicKey").path("pk").asText();
            for (JsonNode t : group.path("tests")) {
                String name = "tcId " + t.path("tcId").asInt() + " " + t.path("comment").asText() + " " + t.path("flags");
                tests.add(dynamicTest(name, () -> {
                    boolean expected = t.path("result").asText().equals("valid");
                    boolean got;
                    try {
                        PublicKey key = InteractionSignature.publicKey(pk);
                        got = InteractionSignature.verify(key, HexFormat.of().parseHex(t.path("msg").asText()),
                                HexFormat.of().parseHex(t.path("sig").asText()));
                    } catch (IllegalArgumentException e) {
                        got = false; // a key we cannot read verifies nothing
                    }
                    (got == expected ? PASSED : FAILED).incrementAndGet();
                    if (got != expected) FAILURES.add(name + ": expected " + t.path("result").asText() + ", got " + (got ? "valid" : "invalid"));
                    assertEquals(expected, got, name);
                }));
            }
        }
        return tests.stream();
    }

    @AfterAll
    static void report() {
        StringBuilder b = new StringBuilder(String.format("Wycheproof Ed25519 (%d declared): %d passed, %d failed%n", declared, PASSED.get(), FAILED.get()));
        FAILURES.forEach(f -> b.append("  FAILED ").append(f).append('\n'));
        Conformance.report("ed25519.txt", b.toString());
    }
}
