package dev.switchman.checks.mail;

import static dev.switchman.checks.testing.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchman.checks.testing.DnsTestServer;
import dev.switchman.checks.testing.PythonReference;
import dev.switchman.checks.testing.Zone;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mail checks on records from real migrations (issue 13), served by a loopback DNS server: the DMARC
 * organisational domain from the Public Suffix List (RFC 7489 3.2), DMARC record selection (RFC 7489
 * 6.6.3), both RSA key encodings of DKIM (RFC 6376 3.6.1) and null MX (RFC 7505 3). Where a reference
 * implementation runs here (Debian's python3-publicsuffix2 on Debian's list, python3-dkim), it is run
 * side by side on the same members.
 */
class MailRealWorldIT {

    /** RFC 8463 appendix A.2: the ed25519 public key of the example. */
    static final String ED25519 = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";

    static final Map<String, String> PKCS1 = new LinkedHashMap<>();
    static final Map<String, String> SPKI = new LinkedHashMap<>();
    static DnsTestServer dns;

    @BeforeAll
    static void zone() throws Exception {
        for (int bits : List.of(1024, 2048, 3072)) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            byte[] spki = g.generateKeyPair().getPublic().getEncoded();
            SPKI.put("spki" + bits, Base64.getEncoder().encodeToString(spki));
            PKCS1.put("pkcs" + bits, Base64.getEncoder().encodeToString(SubjectPublicKeyInfo.getInstance(spki).getPublicKeyData().getBytes()));
        }
        Zone z = Zone.of("""
                nomail.example.test. 300 MX 0 .
                mixed.example.test. 300 MX 0 .
                mixed.example.test. 300 MX 10 mx1.example.test.
                pref.example.test. 300 MX 10 .
                mx1.example.test. 300 A 127.0.0.1
                """);
        z.txt("_dmarc.example.co.th", "v=DMARC1; p=reject");
        z.txt("_dmarc.city.kawasaki.jp", "v=DMARC1; p=quarantine");
        z.txt("_dmarc.x.y.kawasaki.jp", "v=DMARC1; p=none");
        z.txt("_dmarc.bar.github.io", "v=DMARC1; p=reject; sp=none");
        z.txt("_dmarc.example.xn--55qx5d.cn", "v=DMARC1; p=reject");
        z.txt("_dmarc.two.example.test", "v=DMARC1; p=none");
        z.txt("_dmarc.two.example.test", "v=DMARC1; p=reject");
        z.txt("_dmarc.example.test", "v=DMARC1; p=reject; sp=quarantine");
        z.txt("_dmarc.mixed.example.test", "v=spf1 -all");
        z.txt("_dmarc.mixed.example.test", "google-site-verification=abc");
        z.txt("_dmarc.mixed.example.test", "v=DMARC1; p=none");
        z.txt("_dmarc.other.example.test", "v=spf1 -all");
        z.txt("_dmarc.lower.example.test", "v=dmarc1; p=reject");
        z.txt("_dmarc.orgtwo.test", "v=DMARC1; p=none");
        z.txt("_dmarc.orgtwo.test", "v=DMARC1; p=quarantine");
        for (var e : PKCS1.entrySet()) {
            z.txt(e.getKey() + "._domainkey.example.test", "v=DKIM1; k=rsa; p=" + e.getValue());
        }
        for (var e : SPKI.entrySet()) {
            z.txt(e.getKey() + "._domainkey.example.test", "v=DKIM1; k=rsa; p=" + e.getValue());
        }
        z.txt("ed._domainkey.example.test", "v=DKIM1; k=ed25519; p=" + ED25519);
        z.txt("junk._domainkey.example.test", "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(new byte[40]));
        dns = DnsTestServer.start(z);
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    static CheckResult dmarc(String from) {
        return new DmarcCheck().run(request("mail.dmarc", Map.of("domain", from), dns.hostPort()));
    }

    // ---- fault 1: the organisational domain from the Public Suffix List (RFC 7489 3.2)

    /** From domain -> organisational domain, each by the PSL algorithm (publicsuffix.org/list, "Algorithm"). */
    static final Map<String, String> ORG = new LinkedHashMap<>();

    static {
        ORG.put("mail.example.co.th", "example.co.th");            // issue 13: a listed two-label suffix (co.th)
        ORG.put("a.b.city.kawasaki.jp", "city.kawasaki.jp");        // exception rule !city.kawasaki.jp beats *.kawasaki.jp
        ORG.put("mail.x.y.kawasaki.jp", "x.y.kawasaki.jp");         // wildcard rule *.kawasaki.jp: y.kawasaki.jp is a suffix
        ORG.put("www.bar.github.io", "bar.github.io");             // private section: github.io
        ORG.put("www.example.com", "example.com");
        ORG.put("deep.mail.example.co.uk", "example.co.uk");
        ORG.put("b.example.ck", "b.example.ck");                   // wildcard *.ck
        ORG.put("mail.www.ck", "www.ck");                          // exception !www.ck
        ORG.put("co.th", "co.th");                                 // a public suffix itself: no further label
        ORG.put("host.sub.example.test", "example.test");          // no listed suffix: the default rule "*"
        ORG.put("mail.example.公司.cn", "example.xn--55qx5d.cn");    // IDN suffix, answered in A-labels
        ORG.put("Mail.Example.CO.TH.", "example.co.th");           // case and the root dot do not matter
    }

    @Test
    void organisationalDomainFollowsThePublicSuffixList() {
        ORG.forEach((from, org) -> assertEquals(org, OrgDomain.of(from), from));
    }

    @Test
    void organisationalDomainAgreesWithPublicsuffix2OnDebiansList() throws Exception {
        assumeTrue(PythonReference.canImport("publicsuffix2"), "reference missing: apt-get install python3-publicsuffix2 publicsuffix");
        assumeTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of("/usr/share/publicsuffix/public_suffix_list.dat")), "apt-get install publicsuffix");
        // publicsuffix2 answers the bare TLD for an unlisted one and mishandles U-labels: compared on listed ASCII names
        List<String> names = ORG.keySet().stream().filter(n -> n.chars().allMatch(c -> c < 0x80) && !n.endsWith(".test") && !n.endsWith(".")).toList();
        List<String> ref = PythonReference.run("""
                import sys
                from publicsuffix2 import PublicSuffixList
                psl = PublicSuffixList(psl_file=open('/usr/share/publicsuffix/public_suffix_list.dat', encoding='utf-8'))
                for line in sys.stdin.read().split():
                    print(psl.get_sld(line.lower()))
                """, names);
        for (int i = 0; i < names.size(); i++) {
            assertEquals(ref.get(i), OrgDomain.of(names.get(i)), names.get(i) + " (publicsuffix2 says " + ref.get(i) + ")");
        }
    }

    @Test
    void dmarcPolicyPublishedOnlyAtTheOrganisationalDomainIsFound() {
        Map<String, String[]> members = new LinkedHashMap<>(); // From -> {org-domain, policy that applies}
        members.put("mail.example.co.th", new String[] {"example.co.th", "reject"});
        members.put("a.b.city.kawasaki.jp", new String[] {"city.kawasaki.jp", "quarantine"});
        members.put("mail.x.y.kawasaki.jp", new String[] {"x.y.kawasaki.jp", "none"});
        members.put("www.bar.github.io", new String[] {"bar.github.io", "none"}); // sp=none applies below the org domain
        members.put("mail.example.公司.cn", new String[] {"example.xn--55qx5d.cn", "reject"});
        members.forEach((from, want) -> {
            CheckResult r = dmarc(from);
            assertEquals(CheckStatus.PASS, r.status(), from + ": " + r.message());
            assertEquals(want[0], r.observations().get("org-domain"), from);
            assertEquals(want[0], r.observations().get("record-domain"), from);
            assertTrue(r.message().contains("sp=" + want[1] + " applies"), from + ": " + r.message());
        });
    }

    // ---- fault 2: DMARC record selection (RFC 7489 6.6.3)

    @Test
    void twoDmarcRecordsAtTheFromDomainMeanNoPolicyAndNoFallBack() {
        CheckResult r = dmarc("two.example.test"); // issue 13's input: the org domain's sp=quarantine must not be reported
        assertEquals(CheckStatus.FAIL, r.status(), r.message());
        assertTrue(r.message().contains("2 DMARC records"), r.message());
        assertNull(r.observations().get("policy"), "no policy applies");
        assertEquals("two.example.test", r.observations().get("record-domain"));
        assertFalse(r.message().contains("quarantine"), r.message());
    }

    @Test
    void twoDmarcRecordsAtTheOrganisationalDomainMeanNoPolicy() {
        CheckResult r = dmarc("mail.orgtwo.test");
        assertEquals(CheckStatus.FAIL, r.status(), r.message());
        assertTrue(r.message().contains("_dmarc.orgtwo.test has 2 DMARC records"), r.message());
        assertNull(r.observations().get("policy"));
    }

    @Test
    void txtRecordsThatAreNotDmarcRecordsAreDiscardedBeforeCounting() {
        CheckResult mixed = dmarc("mixed.example.test"); // step 2: v=spf1 and a site verification are discarded, one DMARC record remains
        assertEquals(CheckStatus.PASS, mixed.status(), mixed.message());
        assertEquals("none", mixed.observations().get("policy"));
        assertEquals("mixed.example.test", mixed.observations().get("record-domain"));
        for (String from : List.of("other.example.test", "lower.example.test")) {
            // nothing left after discarding (v=dmarc1 is not v=DMARC1: the ABNF spells DMARC1 as %x44 %x4d...): step 3 asks the org domain
            CheckResult r = dmarc(from);
            assertEquals(CheckStatus.PASS, r.status(), from + ": " + r.message());
            assertEquals("example.test", r.observations().get("record-domain"), from);
            assertTrue(r.message().contains("sp=quarantine applies"), from + ": " + r.message());
        }
    }

    // ---- fault 3: DKIM keys in either RSA encoding (RFC 6376 3.6.1)

    static CheckResult dkim(String selector) {
        return new DkimCheck().run(request("mail.dkim", Map.of("domain", "example.test", "selector", selector), dns.hostPort()));
    }

    @Test
    void rsaKeysAreReadAsPkcs1AsWellAsSubjectPublicKeyInfo() {
        assertTrue(PKCS1.get("pkcs2048").startsWith("MIIBCgKCAQEA"), "issue 13's form of a 2048-bit PKCS#1 key");
        Map<String, Object[]> members = new LinkedHashMap<>(); // selector -> {status, key-bits}
        members.put("pkcs1024", new Object[] {CheckStatus.WARN, 1024});
        members.put("pkcs2048", new Object[] {CheckStatus.PASS, 2048});
        members.put("pkcs3072", new Object[] {CheckStatus.PASS, 3072});
        members.put("spki1024", new Object[] {CheckStatus.WARN, 1024});
        members.put("spki2048", new Object[] {CheckStatus.PASS, 2048});
        members.put("spki3072", new Object[] {CheckStatus.PASS, 3072});
        members.put("ed", new Object[] {CheckStatus.PASS, 256}); // RFC 8463: raw 32-byte key
        members.put("junk", new Object[] {CheckStatus.FAIL, 0});
        members.forEach((selector, want) -> {
            CheckResult r = dkim(selector);
            assertEquals(want[0], r.status(), selector + ": " + r.message());
            assertEquals(want[1], r.observations().get("key-bits"), selector);
        });
        assertTrue(dkim("junk").message().contains("neither an RSA SubjectPublicKeyInfo") , dkim("junk").message());
    }

    @Test
    void rsaKeyBitsAgreeWithDkimpy() throws Exception {
        assumeTrue(PythonReference.canImport("dkim"), "reference missing: apt-get install python3-dkim");
        List<String> selectors = new ArrayList<>(PKCS1.keySet());
        selectors.addAll(SPKI.keySet());
        selectors.add("junk");
        List<String> records = new ArrayList<>();
        for (String s : selectors) {
            records.add(s + " v=DKIM1; k=rsa; p=" + (s.equals("junk") ? Base64.getEncoder().encodeToString(new byte[40])
                    : PKCS1.getOrDefault(s, SPKI.get(s))));
        }
        List<String> ref = PythonReference.run("""
                import sys, dkim
                for line in sys.stdin.read().splitlines():
                    name, record = line.split(' ', 1)
                    try:
                        pk, keysize, ktag, _ = dkim.evaluate_pk(name.encode(), record.encode())
                        print(keysize)
                    except Exception as e:
                        print(0)
                """, records);
        for (int i = 0; i < selectors.size(); i++) {
            assertEquals(Integer.parseInt(ref.get(i)), dkim(selectors.get(i)).observations().get("key-bits"), selectors.get(i) + " (dkimpy: " + ref.get(i) + ")");
        }
    }

    // ---- fault 4: null MX (RFC 7505 3)

    static CheckResult mx(String domain, String... more) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("domain", domain);
        for (int i = 0; i + 1 < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        return new MxCheck().run(request("mail.mx", p, dns.hostPort()));
    }

    @Test
    void aNullMxBesideOtherMxRecordsFails() {
        CheckResult r = mx("mixed.example.test"); // issue 13's input: MX 0 . and MX 10 mx1.example.test
        assertEquals(CheckStatus.FAIL, r.status(), r.message());
        assertTrue(r.message().contains("null MX") && r.message().contains("mixed with other MX records"), r.message());
        assertEquals(true, r.observations().get("null-mx"));
        assertNull(r.observations().get("smtp"), "'.' is not a mail host: nothing is probed");
    }

    @Test
    void aSoleNullMxMeansTheDomainAcceptsNoMail() {
        CheckResult r = mx("nomail.example.test");
        assertEquals(CheckStatus.FAIL, r.status(), r.message());
        assertTrue(r.message().contains("accepts no mail"), r.message());
        CheckResult expected = mx("nomail.example.test", "expect", ".");
        assertEquals(CheckStatus.PASS, expected.status(), expected.message());
        CheckResult pref = mx("pref.example.test");
        assertEquals(CheckStatus.FAIL, pref.status(), pref.message());
        assertTrue(pref.message().contains("preference 0"), pref.message());
        CheckResult plain = mx("mixed.example.test", "smtp", "false");
        assertEquals(CheckStatus.FAIL, plain.status(), "smtp=false does not hide a mixed null MX: " + plain.message());
    }
}
