package dev.switchman.checks.mail;

import dev.switchman.checks.testing.Zone;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads an OpenSPF/pyspf test-suite file (multi-document YAML: description, tests, zonedata) into
 * sections whose zone data a {@code DnsTestServer} can serve: SPF records are also served as TXT unless
 * the name lists its own TXT ({@code NONE} = listed but empty); after {@code TIMEOUT} every type not
 * listed before it times out.
 */
public final class SpfSuite {

    /** The suite files under the conformance directory, run whole by the conformance IT and the pyspf benchmark. */
    public static final List<String> FILES = List.of("pyspf-rfc7208-tests.yml", "pyspf-rfc4408-tests.yml", "pyspf-test.yml");

    /** One test case: the SMTP identities and the results the suite accepts (lower case RFC names). */
    public record Case(String name, String helo, String host, String mailfrom, List<String> results, String explanation) {
    }

    /** One YAML document: a description, its cases, and the zone data they are evaluated against. */
    public record Section(String description, List<Case> cases, Zone zone) {
    }

    private SpfSuite() {
    }

    /** Reads one suite file; a zone entry of an unsupported type is an IllegalArgumentException naming it. */
    @SuppressWarnings("unchecked")
    public static List<Section> read(Path file) throws IOException {
        List<Section> sections = new ArrayList<>();
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(10 * 1024 * 1024);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (Object doc : new Yaml(options).loadAll(r)) {
                if (!(doc instanceof Map<?, ?> m)) {
                    continue;
                }
                String description = String.valueOf(m.get("description"));
                List<Case> cases = new ArrayList<>();
                Map<String, Object> tests = (Map<String, Object>) m.get("tests");
                if (tests != null) {
                    for (Map.Entry<String, Object> e : tests.entrySet()) {
                        Map<String, Object> t = (Map<String, Object>) e.getValue();
                        Object res = t.get("result");
                        List<String> results = new ArrayList<>();
                        if (res instanceof List<?> l) {
                            l.forEach(x -> results.add(String.valueOf(x).toLowerCase()));
                        } else {
                            results.add(String.valueOf(res).toLowerCase());
                        }
                        cases.add(new Case(e.getKey(), str(t.get("helo")), str(t.get("host")), str(t.get("mailfrom")), results,
                                t.get("explanation") == null ? null : String.valueOf(t.get("explanation"))));
                    }
                }
                Map<String, Object> zonedata = (Map<String, Object>) m.get("zonedata");
                sections.add(new Section(description, cases, zone(zonedata == null ? Map.of() : zonedata)));
            }
        }
        return sections;
    }

    private static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    @SuppressWarnings("unchecked")
    static Zone zone(Map<String, Object> zonedata) {
        Zone zone = new Zone().timeoutMode(Zone.TimeoutMode.SERVFAIL);
        for (Map.Entry<String, Object> e : zonedata.entrySet()) {
            String name = e.getKey();
            List<Object> entries = (List<Object>) e.getValue();
            boolean hasTxt = entries.stream().anyMatch(x -> x instanceof Map<?, ?> mm && mm.containsKey("TXT"));
            Set<Integer> listed = new HashSet<>();
            zone.touch(name);
            for (Object entry : entries) {
                if ("TIMEOUT".equals(entry)) {
                    zone.timeout(name, listed);
                    continue;
                }
                Map<String, Object> rr = (Map<String, Object>) entry;
                for (Map.Entry<String, Object> kv : rr.entrySet()) {
                    String type = kv.getKey();
                    Object v = kv.getValue();
                    switch (type) {
                        case "SPF", "TXT" -> {
                            if ("NONE".equals(v)) {
                                continue; // listed but no record: still times out after TIMEOUT
                            }
                            listed.add(Type.value(type));
                            if (type.equals("SPF") && !hasTxt) {
                                listed.add(Type.TXT);
                            }
                            List<String> strings = new ArrayList<>();
                            if (v instanceof List<?> l) {
                                l.forEach(x -> strings.add(String.valueOf(x)));
                            } else {
                                strings.add(String.valueOf(v));
                            }
                            zone.txt(name, Zone.DEFAULT_TTL, Type.value(type), strings);
                            if (type.equals("SPF") && !hasTxt) {
                                zone.txt(name, Zone.DEFAULT_TTL, Type.TXT, strings);
                            }
                        }
                        case "MX" -> {
                            listed.add(Type.MX);
                            List<Object> mx = (List<Object>) v;
                            zone.add(rec(name, Type.MX, mx.get(0) + " " + host(String.valueOf(mx.get(1)))));
                        }
                        case "A", "AAAA" -> {
                            listed.add(Type.value(type));
                            zone.add(rec(name, Type.value(type), String.valueOf(v)));
                        }
                        case "PTR", "CNAME" -> {
                            listed.add(Type.value(type));
                            zone.add(rec(name, Type.value(type), host(String.valueOf(v))));
                        }
                        default -> throw new IllegalArgumentException("zone data type " + type + " at " + name + " is not supported");
                    }
                }
            }
        }
        return zone;
    }

    private static String host(String h) {
        return h.isEmpty() ? "." : (h.endsWith(".") ? h : h + ".");
    }

    private static Record rec(String name, int type, String rdata) {
        try {
            return Record.fromString(Zone.name(name), type, DClass.IN, Zone.DEFAULT_TTL, rdata, org.xbill.DNS.Name.root);
        } catch (IOException e) {
            throw new IllegalArgumentException("zone data " + name + " " + Type.string(type) + " " + rdata + ": " + e.getMessage(), e);
        }
    }
}
