package dev.switchman.rules.packs;

import static dev.switchman.rules.Fixture.byRule;
import static dev.switchman.rules.Fixture.gateVerdict;
import static dev.switchman.rules.Fixture.has;
import static dev.switchman.rules.Fixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.Decision;
import dev.switchman.core.decision.DecisionKind;
import dev.switchman.rules.Fixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TlsMailDataPackTest {
    static final Duration MIN = Duration.ofMinutes(1);

    @Test
    void certificateMissingARunbookDomainBlocks() {
        Fixture f = new Fixture().check("cert", "tls.certificate", MIN).open();
        List<Decision> ds = f.result("cert", "tls.certificate", CheckStatus.FAIL, "days-left", 80,
                "missing-names", List.of("shop.example.test"), "chain-valid", true);
        Decision d = byRule(ds, "tls.missing-names").get(0);
        assertEquals(DecisionKind.ADVISE, d.kind());
        assertTrue(d.reason().contains("shop.example.test"), d.reason());
        assertTrue(gateVerdict(f.gate("cert")).reason().contains("[tls.missing-names]"));
    }

    @Test
    void certificateCoveringEveryNameIsFine() {
        Fixture f = new Fixture().check("cert", "tls.certificate", MIN).open();
        List<Decision> ds = f.result("cert", "tls.certificate", CheckStatus.PASS, "days-left", 14,
                "missing-names", List.of(), "chain-valid", true);
        assertTrue(ds.isEmpty(), ids(ds));
        assertEquals(DecisionKind.GO, gateVerdict(f.gate("cert")).kind());
    }

    @Test
    void certificateExpiringWithinMinDaysBlocks() {
        Fixture f = new Fixture().check("cert", "tls.certificate", MIN).threshold("tls-min-days", "14").open();
        assertTrue(has(f.result("cert", "tls.certificate", CheckStatus.WARN, "days-left", 13.9), "tls.expires-soon"));
    }

    @Test
    void invalidChainBlocksAndAfterCutoverHolds() {
        Fixture f = new Fixture().check("cert", "tls.certificate", MIN).open();
        f.cutover();
        Decision d = byRule(f.result("cert", "tls.certificate", CheckStatus.FAIL, "chain-valid", false), "tls.chain-invalid").get(0);
        assertEquals(DecisionKind.HOLD, d.kind());
    }

    @Test
    void spfFailingForTheNewIpBlocks() {
        Fixture f = new Fixture().check("spf", "mail.spf", MIN).open();
        assertTrue(has(f.result("spf", "mail.spf", CheckStatus.FAIL, "result", "softfail"), "mail.spf-fails"));
        assertEquals(DecisionKind.NO_GO, gateVerdict(f.gate("spf")).kind());
    }

    @Test
    void spfPassIsFine() {
        Fixture f = new Fixture().check("spf", "mail.spf", MIN).open();
        assertFalse(has(f.result("spf", "mail.spf", CheckStatus.PASS, "result", "pass"), "mail.spf-fails"));
    }

    @Test
    void dmarcRejectWhileSpfFailsBlocksTheDmarcCheck() {
        Fixture f = new Fixture().check("spf", "mail.spf", MIN).check("dmarc", "mail.dmarc", MIN).open();
        f.result("spf", "mail.spf", CheckStatus.FAIL, "result", "fail");
        List<Decision> ds = f.result("dmarc", "mail.dmarc", CheckStatus.PASS, "policy", "reject", "pct", 100);
        assertTrue(has(ds, "mail.dmarc-reject-unaligned"), ids(ds));
        assertTrue(gateVerdict(f.gate("dmarc")).reason().contains("[mail.dmarc-reject-unaligned]"));
    }

    @Test
    void dmarcRejectWithWeakDkimBlocks() {
        Fixture f = new Fixture().check("dkim", "mail.dkim", MIN).check("dmarc", "mail.dmarc", MIN).open();
        f.result("dkim", "mail.dkim", CheckStatus.PASS, "key-type", "rsa", "key-bits", 512);
        assertTrue(has(f.result("dmarc", "mail.dmarc", CheckStatus.PASS, "policy", "reject"), "mail.dmarc-reject-unaligned"));
    }

    @Test
    void dmarcQuarantineOrAlignedMailIsFine() {
        Fixture f = new Fixture().check("spf", "mail.spf", MIN).check("dkim", "mail.dkim", MIN).check("dmarc", "mail.dmarc", MIN).open();
        f.result("spf", "mail.spf", CheckStatus.PASS, "result", "pass");
        f.result("dkim", "mail.dkim", CheckStatus.PASS, "key-bits", 2048);
        assertFalse(has(f.result("dmarc", "mail.dmarc", CheckStatus.PASS, "policy", "reject"), "mail.dmarc-reject-unaligned"));
        f.result("spf", "mail.spf", CheckStatus.FAIL, "result", "fail");
        assertFalse(has(f.result("dmarc", "mail.dmarc", CheckStatus.PASS, "policy", "quarantine"), "mail.dmarc-reject-unaligned"));
    }

    @Test
    void mxStillOnTheOldHostBlocksAndIsAdvisedAfterCutover() {
        Fixture f = new Fixture().check("mx", "mail.mx", MIN).oldSide(Map.of("host", "mx.old.example.test")).open();
        List<Decision> ds = f.result("mx", "mail.mx", CheckStatus.PASS, "hosts", List.of("10 mx.old.example.test."));
        assertFalse(has(ds, "mail.mx-old-host"), "not announced before cutover: " + ids(ds));
        assertTrue(gateVerdict(f.gate("mx")).reason().contains("[mail.mx-old-host]"));
        ds = f.cutover();
        assertEquals(DecisionKind.ADVISE, byRule(ds, "mail.mx-old-host").get(0).kind(), ids(ds));
    }

    @Test
    void mxOnTheNewHostIsFine() {
        Fixture f = new Fixture().check("mx", "mail.mx", MIN).oldSide(Map.of("host", "mx.old.example.test")).open();
        f.result("mx", "mail.mx", CheckStatus.PASS, "hosts", List.of("10 mx.new.example.test."));
        assertEquals(DecisionKind.GO, gateVerdict(f.gate("mx")).kind());
    }

    @Test
    void rowCountOrChecksumMismatchBlocksAndHoldsAfterCutover() {
        Fixture f = new Fixture().check("parity", "db.parity", MIN).open();
        List<Decision> ds = f.result("parity", "db.parity", CheckStatus.FAIL, "old-count", 1000, "new-count", 998,
                "old-checksum", "abc", "new-checksum", "abd");
        assertTrue(has(ds, "data.row-count-mismatch"), ids(ds));
        assertTrue(has(ds, "data.checksum-mismatch"), ids(ds));
        ds = f.cutover();
        assertEquals(DecisionKind.HOLD, byRule(ds, "data.row-count-mismatch").get(0).kind(), ids(ds));
    }

    @Test
    void equalCountsAndChecksumsAreFine() {
        Fixture f = new Fixture().check("parity", "db.parity", MIN).open();
        List<Decision> ds = f.result("parity", "db.parity", CheckStatus.PASS, "old-count", 1000, "new-count", 1000.0,
                "old-checksum", "abc", "new-checksum", "abc");
        assertTrue(ds.isEmpty(), ids(ds));
    }
}
