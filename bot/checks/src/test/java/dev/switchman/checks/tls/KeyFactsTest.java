package dev.switchman.checks.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyFactsTest {

    @Test
    void rsaUnder2048BitsIsWeak() {
        KeyFacts small = KeyFacts.of(TestPki.spec().keys(TestPki.rsa(1024)).selfSigned().cert());
        assertEquals("RSA", small.keyType());
        assertEquals(1024, small.keyBits());
        assertTrue(small.weakKey());
        assertFalse(KeyFacts.of(TestPki.spec().keys(TestPki.rsa(2048)).selfSigned().cert()).weakKey());
    }

    @Test
    void sha1AndMd5SignaturesAreFlagged() {
        KeyFacts sha1 = KeyFacts.of(TestPki.spec().sigAlg("SHA1withECDSA").selfSigned().cert());
        assertTrue(sha1.sha1Signature());
        assertFalse(sha1.brokenSignature());
        KeyFacts md5 = KeyFacts.of(TestPki.spec().keys(TestPki.rsa(2048)).sigAlg("MD5withRSA").selfSigned().cert());
        assertTrue(md5.brokenSignature());
        KeyFacts sha256 = KeyFacts.of(TestPki.spec().selfSigned().cert());
        assertFalse(sha256.sha1Signature());
        assertEquals(256, sha256.keyBits());
    }
}
