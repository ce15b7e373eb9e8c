package dev.switchman.checks.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** RFC 7489 section 6.3/6.4 grammar, written from the RFC (no public DMARC vectors exist). */
class DmarcRecordTest {

    @Test
    void parsesEveryTagOfTheRfcExample() {
        DmarcRecord r = DmarcRecord.parse("v=DMARC1; p=quarantine; sp=reject; pct=25; rua=mailto:dmarc-feedback@example.com; "
                + "ruf=mailto:auth-reports@thirdparty.example.net!10m; adkim=s; aspf=r; fo=0:d:s; rf=afrf; ri=86400");
        assertTrue(r.valid(), r.problems().toString());
        assertEquals("quarantine", r.policy());
        assertEquals("reject", r.subdomainPolicy());
        assertEquals(25, r.pct());
        assertEquals(List.of("mailto:dmarc-feedback@example.com"), r.rua());
        assertEquals(List.of("mailto:auth-reports@thirdparty.example.net"), r.ruf());
        assertEquals("s", r.adkim());
        assertEquals("r", r.aspf());
    }

    @Test
    void defaultsApplyWhenTagsAreAbsent() {
        DmarcRecord r = DmarcRecord.parse("v=DMARC1; p=none");
        assertTrue(r.valid());
        assertEquals("none", r.subdomainPolicy(), "sp defaults to p");
        assertEquals(100, r.pct());
        assertEquals("r", r.adkim());
        assertEquals("r", r.aspf());
    }

    @Test
    void versionMustComeFirst() {
        assertFalse(DmarcRecord.parse("p=reject; v=DMARC1").valid());
        assertFalse(DmarcRecord.isDmarc("p=reject; v=DMARC1"));
        assertTrue(DmarcRecord.isDmarc(" v = DMARC1 ; p=none"));
        assertFalse(DmarcRecord.isDmarc("v=DMARC2; p=none"));
    }

    @Test
    void policyIsRequired() {
        DmarcRecord r = DmarcRecord.parse("v=DMARC1; rua=mailto:a@example.com");
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).contains("p="));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "v=DMARC1; p=block",
        "v=DMARC1; p=none; sp=always",
        "v=DMARC1; p=none; pct=101",
        "v=DMARC1; p=none; pct=-1",
        "v=DMARC1; p=none; pct=ten",
        "v=DMARC1; p=none; rua=https://example.com/report",
        "v=DMARC1; p=none; rua=mailto:not-an-address",
        "v=DMARC1; p=none; ruf=mailto:a@example.com,ftp://x",
        "v=DMARC1; p=none; adkim=x",
        "v=DMARC1; p=none; aspf=relaxed",
        "v=DMARC1; p=none; fo=2",
        "v=DMARC1; p=none; rf=a f",
        "v=DMARC1; p=none; ri=soon",
        "v=DMARC1; p=none; p=reject",
        "v=DMARC1; p=none; novalue",
    })
    void rejectsInvalidValues(String record) {
        assertFalse(DmarcRecord.parse(record).valid(), record);
    }

    @Test
    void unknownTagsAreIgnoredAndSizeLimitsAccepted() {
        assertTrue(DmarcRecord.parse("v=DMARC1; p=reject; x_future=1; rua=mailto:a@example.com!50k,mailto:b@example.org").valid());
    }

    @Test
    void organisationalDomainUsesTwoLabelsOrThreeForKnownSuffixes() {
        assertEquals("example.com", OrgDomain.of("mail.news.example.com"));
        assertEquals("example.co.uk", OrgDomain.of("shop.example.co.uk"));
        assertEquals("example.com", OrgDomain.of("example.com."));
        assertEquals("com", OrgDomain.of("com"));
    }
}
