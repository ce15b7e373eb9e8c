package dev.switchman.checks.mail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The DKIM key-record corpora, read in place: dkimpy's one-record files, Mail::DKIM's FAKE_DNS.dat,
 * and the ARC suite's txt-records. Each entry says what its name says: valid or not, and key size
 * where the name or the DER header tells it.
 */
final class DkimCorpus {

    /** One record. {@code sentinel} is NXDOMAIN/TIMEOUT/SERVFAIL for FAKE_DNS's DNS-failure lines. */
    record Entry(String source, String name, String record, boolean expectValid, int expectBits, String sentinel) {
    }

    private DkimCorpus() {
    }

    static List<Entry> read(Path dkim) throws IOException {
        List<Entry> out = new ArrayList<>();
        Path dkimpy = dkim.resolve("dkimpy");
        try (var files = Files.list(dkimpy)) {
            for (Path f : files.sorted().toList()) {
                String n = f.getFileName().toString();
                if (!(n.endsWith(".txt") || n.endsWith(".dns"))) {
                    continue;
                }
                String rec = Files.readString(f, StandardCharsets.US_ASCII).strip();
                // by name: "bad" in the name is invalid; test_tlsrpt is a key for TLS reports only (s=tlsrpt), not e-mail
                boolean valid = !n.contains("bad") && !n.contains("tlsrpt");
                out.add(new Entry("dkimpy", n, rec, valid, valid ? bitsFromDer(rec) : 0, null));
            }
        }
        for (String line : Files.readAllLines(dkim.resolve("mail-dkim-corpus/FAKE_DNS.dat"), StandardCharsets.US_ASCII)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.strip().split("\\s+", 2);
            String name = f[0];
            String rec = f.length > 1 ? f[1].strip() : "";
            String sentinel = switch (rec) {
                case "NXDOMAIN" -> "NXDOMAIN";
                case "~~Query timed out~~" -> "TIMEOUT";
                case "~~SERVFAIL~~" -> "SERVFAIL";
                default -> null;
            };
            if (rec.equals("\"\"")) {
                rec = "";
            }
            String selector = name.substring(0, name.indexOf('.'));
            boolean valid = sentinel == null && !selector.contains("bad") && !selector.contains("revoked")
                    && !selector.contains("invalid") && !selector.endsWith("-empty");
            out.add(new Entry("Mail::DKIM", name, rec, valid, valid ? bitsFromDer(rec) : 0, sentinel));
        }
        Path arc = dkim.resolve("arc-test-suite");
        for (String file : List.of("arc-draft-validation-tests.yml", "arc-draft-sign-tests.yml", "unused_tests.yml")) {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(20 * 1024 * 1024);
            int doc = 0;
            try (Reader r = Files.newBufferedReader(arc.resolve(file), StandardCharsets.UTF_8)) {
                for (Object d : new Yaml(options).loadAll(r)) {
                    doc++;
                    if (d instanceof Map<?, ?> m && m.get("txt-records") instanceof Map<?, ?> txt) {
                        for (Map.Entry<?, ?> e : txt.entrySet()) {
                            String name = String.valueOf(e.getKey());
                            String selector = name.substring(0, name.indexOf('.'));
                            boolean valid = !selector.contains("invalid");
                            int bits = selector.matches("[0-9]+") ? Integer.parseInt(selector) : (valid ? bitsFromDer(String.valueOf(e.getValue())) : 0);
                            out.add(new Entry("ARC " + file + " #" + doc, name, String.valueOf(e.getValue()), valid, bits, null));
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * The key size the DER header of p= announces: SPKI prefixes MFww (512), MHww (768), MIGf (1024),
     * MIIBIj (2048), MIICIj (4096); a 32-byte ed25519 key is 256. 0 when unknown.
     */
    static int bitsFromDer(String rec) {
        int i = rec.indexOf("p=");
        if (i < 0) {
            return 0;
        }
        String p = rec.substring(i + 2).replaceAll("\\s+", "");
        p = p.contains(";") ? p.substring(0, p.indexOf(';')) : p;
        if (p.startsWith("MFww")) {
            return 512;
        } else if (p.startsWith("MHww")) {
            return 768;
        } else if (p.startsWith("MIGf")) {
            return 1024;
        } else if (p.startsWith("MIIBIj")) {
            return 2048;
        } else if (p.startsWith("MIICIj")) {
            return 4096;
        } else if (p.length() == 44 && p.endsWith("=")) {
            return 256;
        }
        return 0;
    }
}
