package dev.switchman.checks.mail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A DMARC policy record (RFC 7489 section 6.3-6.4), parsed and validated: v=DMARC1 first, p required,
 * sp, pct 0-100, rua/ruf mailto URIs, adkim/aspf r|s, fo, rf, ri. Unknown tags are ignored (6.3).
 *
 * @param problems what is wrong, one sentence each; empty when valid
 */
record DmarcRecord(Map<String, String> tags, String policy, String subdomainPolicy, int pct, List<String> rua,
                   List<String> ruf, String adkim, String aspf, List<String> problems) {

    private static final Set<String> POLICIES = Set.of("none", "quarantine", "reject");

    boolean valid() {
        return problems.isEmpty();
    }

    /** True when the text starts with v=DMARC1 (the filter of RFC 7489 6.6.3 step 4). */
    static boolean isDmarc(String txt) {
        String s = txt.stripLeading();
        int semi = s.indexOf(';');
        String first = (semi < 0 ? s : s.substring(0, semi)).strip();
        int eq = first.indexOf('=');
        return eq > 0 && first.substring(0, eq).strip().equals("v") && first.substring(eq + 1).strip().equals("DMARC1");
    }

    static DmarcRecord parse(String text) {
        List<String> problems = new ArrayList<>();
        Map<String, String> tags;
        try {
            tags = TagList.parse(text);
        } catch (TagList.TagSyntaxException e) {
            return new DmarcRecord(Map.of(), null, null, 100, List.of(), List.of(), "r", "r",
                    List.of("not a valid tag list: " + e.getMessage()));
        }
        tags = new LinkedHashMap<>(tags);
        if (tags.isEmpty() || !tags.keySet().iterator().next().equals("v") || !"DMARC1".equals(tags.get("v"))) {
            problems.add("v=DMARC1 must be the first tag");
        }
        String p = lower(tags.get("p"));
        if (p == null) {
            problems.add("p= (the policy) is required: none, quarantine or reject");
        } else if (!POLICIES.contains(p)) {
            problems.add("p=" + tags.get("p") + " is not none, quarantine or reject");
        }
        String sp = lower(tags.get("sp"));
        if (sp != null && !POLICIES.contains(sp)) {
            problems.add("sp=" + tags.get("sp") + " is not none, quarantine or reject");
        }
        int pct = 100;
        if (tags.containsKey("pct")) {
            String v = tags.get("pct");
            if (!v.matches("[0-9]{1,3}") || Integer.parseInt(v) > 100) {
                problems.add("pct=" + v + " is not an integer 0-100");
            } else {
                pct = Integer.parseInt(v);
            }
        }
        List<String> rua = uris(tags, "rua", problems);
        List<String> ruf = uris(tags, "ruf", problems);
        String adkim = alignment(tags, "adkim", problems);
        String aspf = alignment(tags, "aspf", problems);
        if (tags.containsKey("fo")) {
            for (String o : tags.get("fo").split(":", -1)) {
                if (!Set.of("0", "1", "d", "s").contains(o.strip())) {
                    problems.add("fo=" + tags.get("fo") + ": '" + o.strip() + "' is not 0, 1, d or s");
                    break;
                }
            }
        }
        if (tags.containsKey("rf")) {
            for (String f : tags.get("rf").split(":", -1)) {
                if (!f.strip().matches("[A-Za-z][A-Za-z0-9-]*")) {
                    problems.add("rf=" + tags.get("rf") + ": '" + f.strip() + "' is not a report format name (e.g. afrf)");
                    break;
                }
            }
        }
        if (tags.containsKey("ri")) {
            String v = tags.get("ri");
            if (!v.matches("[0-9]{1,10}") || Long.parseLong(v) > 4294967295L) {
                problems.add("ri=" + v + " is not a number of seconds (32-bit unsigned)");
            }
        }
        return new DmarcRecord(tags, p, sp != null ? sp : p, pct, rua, ruf, adkim, aspf, problems);
    }

    private static String lower(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    private static String alignment(Map<String, String> tags, String tag, List<String> problems) {
        String v = lower(tags.get(tag));
        if (v == null) {
            return "r";
        }
        if (!v.equals("r") && !v.equals("s")) {
            problems.add(tag + "=" + tags.get(tag) + " is not r (relaxed) or s (strict)");
        }
        return v;
    }

    /** dmarc-uri = URI [ "!" 1*DIGIT [ "k" / "m" / "g" / "t" ] ], mailto only here. */
    private static List<String> uris(Map<String, String> tags, String tag, List<String> problems) {
        if (!tags.containsKey(tag)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String raw : Arrays.stream(tags.get(tag).split(",")).map(String::strip).toList()) {
            String uri = raw.replaceFirst("![0-9]+[kmgtKMGT]?$", "");
            if (!uri.regionMatches(true, 0, "mailto:", 0, 7)) {
                problems.add(tag + "=: '" + raw + "' is not a mailto: URI");
                continue;
            }
            String addr = uri.substring(7);
            if (!addr.matches("[^@\\s,!;]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")) {
                problems.add(tag + "=: '" + raw + "' does not hold a valid e-mail address");
                continue;
            }
            out.add(uri);
        }
        return out;
    }
}
