package dev.switchman.checks.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.switchman.checks.testing.ConformanceData;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every key record of the DKIM corpora parsed: valid or invalid as its name says, key sizes. */
class DkimConformanceTest {

    /** Deliberate deviations, also listed in docs/conformance.md. */
    static final Map<String, String> DEVIATIONS = Map.of(
            "testbad8._domainkey.messiah.edu", "g=*poe is RFC 4871 granularity, removed by RFC 6376 (unknown tags are ignored); the record is a valid key");
    private static final Map<String, AtomicInteger[]> COUNTS = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicTest> everyKeyRecordIsJudgedAsItsNameSays() throws IOException {
        Path dir = ConformanceData.dir("dkim");
        List<DynamicTest> tests = new ArrayList<>();
        for (DkimCorpus.Entry e : DkimCorpus.read(dir)) {
            if (e.sentinel() != null) {
                continue; // DNS failures, served by DkimCheckIT
            }
            String source = e.source().startsWith("ARC") ? "ARC" : e.source();
            COUNTS.computeIfAbsent(source, k -> new AtomicInteger[] {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()});
            tests.add(dynamicTest(e.source() + " " + e.name(), () -> {
                String deviation = DEVIATIONS.get(e.name());
                if (deviation != null) {
                    COUNTS.get(source)[2].incrementAndGet();
                    Assumptions.abort("deliberate deviation (docs/conformance.md): " + deviation);
                }
                DkimKeyRecord k = DkimKeyRecord.parse(e.record());
                boolean ok = k.valid() == e.expectValid() && (!e.expectValid() || e.expectBits() == 0 || k.keyBits() == e.expectBits());
                COUNTS.get(source)[ok ? 0 : 1].incrementAndGet();
                assertTrue(ok, () -> e.name() + ": expected " + (e.expectValid() ? "valid " + e.expectBits() + " bits" : "invalid")
                        + ", got " + (k.valid() ? "valid " + k.keyType() + " " + k.keyBits() + " bits" : "invalid: " + k.problem()));
            }));
        }
        tests.add(dynamicTest("dkimpy test.private is the private half of test.txt", () ->
                assertEquals(modulus(dir.resolve("dkimpy/test.private")), publicModulus(Files.readString(dir.resolve("dkimpy/test.txt"))))));
        tests.add(dynamicTest("Mail::DKIM test.key.pem is the private half of expirationtest", () -> {
            String rec = Files.readAllLines(dir.resolve("mail-dkim-corpus/FAKE_DNS.dat")).stream()
                    .filter(l -> l.startsWith("expirationtest.")).findFirst().orElseThrow().split("\\s+", 2)[1];
            assertEquals(modulus(dir.resolve("mail-dkim-corpus/test.key.pem")), publicModulus(rec));
        }));
        return tests.stream();
    }

    private static BigInteger modulus(Path pem) throws IOException {
        try (PEMParser p = new PEMParser(new StringReader(Files.readString(pem)))) {
            Object o = p.readObject();
            return RSAPrivateKey.getInstance(((PEMKeyPair) o).getPrivateKeyInfo().parsePrivateKey()).getModulus();
        }
    }

    private static BigInteger publicModulus(String record) throws Exception {
        String p = TagList.parse(record.strip()).get("p").replaceAll("\\s+", "");
        var key = java.security.KeyFactory.getInstance("RSA").generatePublic(new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder().decode(p)));
        return ((java.security.interfaces.RSAPublicKey) key).getModulus();
    }

    @AfterAll
    static void report() throws IOException {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(COUNTS).forEach((k, v) -> sb.append(String.format("DKIM key records %s: %d passed, %d failed, %d deliberate deviations%n",
                k, v[0].get(), v[1].get(), v[2].get())));
        System.out.print(sb);
        Path out = Path.of("target", "conformance");
        Files.createDirectories(out);
        Files.writeString(out.resolve("dkim.txt"), sb.toString());
    }
}
