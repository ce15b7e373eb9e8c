package dev.switchman.checks.mail;

import static dev.switchman.checks.testing.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.switchman.checks.testing.DnsTestServer;
import dev.switchman.checks.testing.SmtpTestServer;
import dev.switchman.checks.testing.Zone;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailChecksIT {

    private static String rsa2048() throws Exception {
        var g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return java.util.Base64.getEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded());
    }

    private final Zone zone = Zone.of("""
            example.test. 300 MX 10 mx1.example.test.
            example.test. 300 MX 20 mx2.example.test.
            mx1.example.test. 300 A 127.0.0.1
            mx2.example.test. 300 A 127.0.0.1
            example.test. 300 TXT "v=spf1 ip4:192.0.2.0/24 include:_spf.provider.test -all"
            _spf.provider.test. 300 TXT "v=spf1 ip6:2001:db8::/32 ~all"
            """);
    private final DnsTestServer dns = DnsTestServer.start(zone);
    private GreenMail greenMail;
    private SmtpTestServer smtp;

    @AfterEach
    void stop() {
        dns.close();
        if (greenMail != null) {
            greenMail.stop();
        }
        if (smtp != null) {
            smtp.close();
        }
    }

    // ---- mail.mx

    @Test
    void mxPassesWhenHostsAreExpectedAndOfferStarttls() {
        smtp = new SmtpTestServer();
        CheckResult r = new MxCheck().run(request("mail.mx", Map.of("domain", "example.test",
                "expect", "mx1.example.test,mx2.example.test", "port", String.valueOf(smtp.port())), dns.hostPort()));
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertEquals(List.of("mx1.example.test", "mx2.example.test"), r.observations().get("hosts"));
        assertEquals(Map.of("mx1.example.test", true, "mx2.example.test", true), r.observations().get("starttls"));
        assertEquals(2, smtp.upgrades());
    }

    @Test
    void mxWarnsWhenAHostDoesNotOfferStarttls() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        int port = greenMail.getSmtp().getPort();
        CheckResult r = new MxCheck().run(request("mail.mx", Map.of("domain", "example.test", "port", String.valueOf(port)), dns.hostPort()));
        assertEquals(CheckStatus.WARN, r.status(), r.message());
        assertEquals(Map.of("mx1.example.test", false, "mx2.example.test", false), r.observations().get("starttls"));
        assertTrue(r.message().contains("STARTTLS"), r.message());
    }

    @Test
    void mxFailsWhenHostsDifferFromExpected() {
        CheckResult r = new MxCheck().run(request("mail.mx", Map.of("domain", "example.test",
                "expect", "mx.new-provider.test", "smtp", "false"), dns.hostPort()));
        assertEquals(CheckStatus.FAIL, r.status());
        assertEquals(List.of("mx.new-provider.test"), r.observations().get("missing"));
    }

    @Test
    void mxFailsNamingTheHostThatRefusesConnections() throws Exception {
        int closedPort;
        try (var s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        CheckResult r = new MxCheck().run(request("mail.mx", Map.of("domain", "example.test", "port", String.valueOf(closedPort)), dns.hostPort()));
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("mx1.example.test:" + closedPort), r.message());
    }

    // ---- mail.spf

    @Test
    void spfPassesForAnAuthorisedIp() {
        CheckResult r = new SpfCheck().run(request("mail.spf", Map.of("ip", "192.0.2.25", "sender", "billing@example.test"), dns.hostPort()));
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertEquals("pass", r.observations().get("result"));
        assertEquals(0, r.observations().get("lookups"));
    }

    @Test
    void spfSoftfailThroughIncludeIsNotAMatchAndTheRecordFails() {
        CheckResult r = new SpfCheck().run(request("mail.spf", Map.of("ip", "198.51.100.7", "domain", "example.test"), dns.hostPort()));
        assertEquals(CheckStatus.FAIL, r.status());
        assertEquals("fail", r.observations().get("result"));
        assertEquals(1, r.observations().get("lookups"));
        assertTrue(String.valueOf(r.observations().get("explanation")).contains("198.51.100.7"));
    }

    @Test
    void spfUsesHeloWhenThereIsNoSender() {
        CheckResult r = new SpfCheck().run(request("mail.spf", Map.of("ip", "2001:db8::1", "helo", "_spf.provider.test"), dns.hostPort()));
        assertEquals("pass", r.observations().get("result"), r.message());
    }

    @Test
    void spfWithoutRecordIsNoneAndWarns() {
        CheckResult r = new SpfCheck().run(request("mail.spf", Map.of("ip", "192.0.2.1", "domain", "mx1.example.test"), dns.hostPort()));
        assertEquals(CheckStatus.WARN, r.status());
        assertEquals("none", r.observations().get("result"));
    }

    @Test
    void spfTemperrorIsUnknown() {
        zone.servfailAll(true);
        CheckResult r = new SpfCheck().run(request("mail.spf", Map.of("ip", "192.0.2.1", "domain", "example.test"), dns.hostPort()));
        assertEquals(CheckStatus.UNKNOWN, r.status());
        assertEquals("temperror", r.observations().get("result"));
    }

    @Test
    void spfPermerrorIsError() {
        zone.txt("broken.test", "v=spf1 ip4:192.0.2.300 -all");
        CheckResult r = new SpfCheck().run(request("mail.spf", Map.of("ip", "192.0.2.1", "domain", "broken.test"), dns.hostPort()));
        assertEquals(CheckStatus.ERROR, r.status());
        assertEquals("permerror", r.observations().get("result"));
    }

    @Test
    void spfRejectsABadIpAndMissingDomain() {
        assertEquals(2, new SpfCheck().validate(Map.of("ip", "not-an-ip")).size());
    }

    // ---- mail.dkim

    @Test
    void dkimFollowsCnameAndJoinsSplitStrings() throws Exception {
        String key = rsa2048();
        zone.addText("sel._domainkey.example.test. 300 CNAME sel.dkim.provider.test.");
        zone.txt("sel.dkim.provider.test", Zone.DEFAULT_TTL, org.xbill.DNS.Type.TXT,
                List.of("v=DKIM1; k=rsa; p=" + key.substring(0, 200), key.substring(200)));
        CheckResult r = new DkimCheck().run(request("mail.dkim", Map.of("domain", "example.test", "selector", "sel"), dns.hostPort()));
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertEquals("rsa", r.observations().get("key-type"));
        assertEquals(2048, r.observations().get("key-bits"));
    }

    @Test
    void dkimGradesRsaKeySizes() {
        zone.txt("k1024._domainkey.example.test", "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB");
        zone.txt("k512._domainkey.example.test", "v=DKIM1; p=MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBALgSoqXVSEmfcIsOzw7oRuCCOwsmtX/SJnTWxYyj2leFxfS/AVJ+dYfY+hXqMsT7l+MZvvh/R1WzN4MO/kI/7XsCAwEAAQ==");
        zone.txt("ed._domainkey.example.test", "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=");
        zone.txt("gone._domainkey.example.test", "v=DKIM1; k=rsa; p=");
        assertEquals(CheckStatus.WARN, dkim("k1024").status());
        assertEquals(1024, dkim("k1024").observations().get("key-bits"));
        assertEquals(CheckStatus.FAIL, dkim("k512").status());
        assertEquals(CheckStatus.PASS, dkim("ed").status());
        assertEquals(256, dkim("ed").observations().get("key-bits"));
        CheckResult revoked = dkim("gone");
        assertEquals(CheckStatus.FAIL, revoked.status());
        assertTrue(revoked.message().contains("revoked"), revoked.message());
        assertEquals(CheckStatus.FAIL, dkim("missing").status());
    }

    private CheckResult dkim(String selector) {
        return new DkimCheck().run(request("mail.dkim", Map.of("domain", "example.test", "selector", selector), dns.hostPort()));
    }

    // ---- mail.dmarc

    @Test
    void dmarcReportsPolicyAndFallsBackToTheOrganisationalDomain() {
        zone.txt("_dmarc.example.test", "v=DMARC1; p=reject; sp=quarantine; pct=50; rua=mailto:dmarc@example.test,mailto:agg@report.test!10m");
        CheckResult r = new DmarcCheck().run(request("mail.dmarc", Map.of("domain", "news.example.test"), dns.hostPort()));
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertEquals("reject", r.observations().get("policy"));
        assertEquals("quarantine", r.observations().get("subdomain-policy"));
        assertEquals(50, r.observations().get("pct"));
        assertEquals(List.of("mailto:dmarc@example.test", "mailto:agg@report.test"), r.observations().get("rua"));
        assertEquals("example.test", r.observations().get("org-domain"));
    }

    @Test
    void dmarcInvalidRecordFailsWithTheProblem() {
        zone.txt("_dmarc.example.test", "v=DMARC1; p=maybe; pct=150");
        CheckResult r = new DmarcCheck().run(request("mail.dmarc", Map.of("domain", "example.test"), dns.hostPort()));
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("p=maybe") && r.message().contains("pct=150"), r.message());
    }

    @Test
    void dmarcWarnsWhenANewSenderWouldFailSpfAndHasNoDkimKey() {
        zone.txt("_dmarc.example.test", "v=DMARC1; p=reject");
        CheckResult r = new DmarcCheck().run(request("mail.dmarc", Map.of("domain", "example.test",
                "sending-ip", "203.0.113.9", "dkim-selector", "newsender"), dns.hostPort()));
        assertEquals(CheckStatus.WARN, r.status(), r.message());
        assertTrue(r.message().contains("would be rejected: it fails SPF (fail) and DKIM has no valid key"), r.message());

        CheckResult ok = new DmarcCheck().run(request("mail.dmarc", Map.of("domain", "example.test",
                "sending-ip", "192.0.2.9", "dkim-selector", "newsender"), dns.hostPort()));
        assertEquals(CheckStatus.PASS, ok.status(), ok.message());
    }

    @Test
    void dmarcMissingFails() {
        CheckResult r = new DmarcCheck().run(request("mail.dmarc", Map.of("domain", "example.test"), dns.hostPort()));
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("_dmarc.example.test"), r.message());
    }
}
