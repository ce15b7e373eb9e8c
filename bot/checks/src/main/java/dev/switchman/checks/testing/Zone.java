package dev.switchman.checks.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSOutput;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Zone data for {@link DnsTestServer}: records by owner name plus per-name behaviours (answer late,
 * SERVFAIL, time out for some types, truncate over UDP). Thread-safe; change it while the server runs.
 *
 * <p>Text form, one record a line ({@code #} comments): {@code name [ttl] TYPE rdata}, e.g.
 * {@code www.example.test. 300 A 192.0.2.1} or {@code example.test. MX 10 mx.example.test.}.
 */
public final class Zone {

    /** What a "timeout" does: stay silent (the client times out) or answer SERVFAIL at once. */
    public enum TimeoutMode { DROP, SERVFAIL }

    public static final long DEFAULT_TTL = 3600;
    private static final java.util.regex.Pattern LINE =
            java.util.regex.Pattern.compile("^(\\S+)\\s+(?:(\\d+)\\s+)?(?:IN\\s+)?([A-Za-z0-9]+)\\s*(.*)$");

    private final Map<Name, List<Record>> records = new ConcurrentHashMap<>();
    private final Map<Name, Set<Integer>> timeoutExcept = new ConcurrentHashMap<>();
    private final Set<Name> servfail = ConcurrentHashMap.newKeySet();
    private final Set<Name> truncate = ConcurrentHashMap.newKeySet();
    private final Map<Name, Duration> delays = new ConcurrentHashMap<>();
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean dropAll;
    private volatile boolean servfailAll;
    private volatile boolean truncateAll;
    private volatile TimeoutMode timeoutMode = TimeoutMode.DROP;

    public static Zone of(String text) {
        Zone z = new Zone();
        z.addText(text);
        return z;
    }

    public static Name name(String s) {
        try {
            return Name.fromString(s.endsWith(".") ? s : s + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException("bad DNS name '" + s + "': " + e.getMessage(), e);
        }
    }

    /** Adds records from text, one a line: {@code name [ttl] TYPE rdata}. */
    public Zone addText(String text) {
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            java.util.regex.Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("bad zone line (expected 'name [ttl] TYPE rdata'): " + line);
            }
            String owner = m.group(1);
            long ttl = m.group(2) == null ? DEFAULT_TTL : Long.parseLong(m.group(2));
            int type = Type.value(m.group(3));
            String rest = m.group(4);
            if (type < 0) {
                throw new IllegalArgumentException("unknown record type in zone line: " + line);
            }
            if (type == Type.TXT || type == Type.SPF) {
                txt(owner, ttl, type, unquote(rest));
            } else {
                try {
                    add(Record.fromString(name(owner), type, DClass.IN, ttl, rest, Name.root));
                } catch (java.io.IOException e) {
                    throw new IllegalArgumentException("bad zone line: " + line + ": " + e.getMessage(), e);
                }
            }
        }
        return this;
    }

    private static List<String> unquote(String rest) {
        List<String> parts = new ArrayList<>();
        if (!rest.startsWith("\"")) {
            parts.add(rest);
            return parts;
        }
        int i = 0;
        while (i < rest.length()) {
            int start = rest.indexOf('"', i);
            if (start < 0) {
                break;
            }
            int end = rest.indexOf('"', start + 1);
            parts.add(rest.substring(start + 1, end));
            i = end + 1;
        }
        return parts;
    }

    public Zone add(Record r) {
        records.computeIfAbsent(r.getName(), k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(r);
        return this;
    }

    /** A TXT (or SPF) record whose strings are taken byte for byte (UTF-8), no escapes interpreted. */
    public Zone txt(String owner, long ttl, int type, List<String> strings) {
        DNSOutput out = new DNSOutput();
        for (String s : strings) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            for (int off = 0; off < b.length || (off == 0 && b.length == 0); off += 255) {
                int len = Math.min(255, b.length - off);
                out.writeU8(len);
                out.writeByteArray(b, off, len);
                if (b.length == 0) {
                    break;
                }
            }
        }
        return add(Record.newRecord(name(owner), type, DClass.IN, ttl, out.toByteArray()));
    }

    public Zone txt(String owner, String... strings) {
        return txt(owner, DEFAULT_TTL, Type.TXT, List.of(strings));
    }

    /** Makes a name exist with no records (NODATA for every type). */
    public Zone touch(String owner) {
        records.computeIfAbsent(name(owner), k -> new java.util.concurrent.CopyOnWriteArrayList<>());
        return this;
    }

    public Zone remove(String owner, int type) {
        List<Record> l = records.get(name(owner));
        if (l != null) {
            l.removeIf(r -> r.getType() == type);
        }
        return this;
    }

    /** Queries for this name time out for every type not in {@code answered}. */
    public Zone timeout(String owner, Set<Integer> answered) {
        timeoutExcept.put(name(owner), new HashSet<>(answered));
        return this;
    }

    public Zone servfail(String owner) {
        servfail.add(name(owner));
        return this;
    }

    public Zone truncate(String owner) {
        truncate.add(name(owner));
        return this;
    }

    public Zone delay(String owner, Duration d) {
        delays.put(name(owner), d);
        return this;
    }

    public Zone delayAll(Duration d) {
        this.delay = d;
        return this;
    }

    public Zone dropAll(boolean drop) {
        this.dropAll = drop;
        return this;
    }

    public Zone servfailAll(boolean on) {
        this.servfailAll = on;
        return this;
    }

    public Zone truncateAll(boolean on) {
        this.truncateAll = on;
        return this;
    }

    public Zone timeoutMode(TimeoutMode mode) {
        this.timeoutMode = mode;
        return this;
    }

    // --- read side, used by the server

    List<Record> at(Name n) {
        return records.getOrDefault(n, List.of());
    }

    boolean exists(Name n) {
        if (records.containsKey(n) || timeoutExcept.containsKey(n) || servfail.contains(n)) {
            return true;
        }
        for (Name owner : records.keySet()) {
            if (owner.subdomain(n)) {
                return true; // empty non-terminal
            }
        }
        return false;
    }

    boolean timesOut(Name n, int type) {
        Set<Integer> answered = timeoutExcept.get(n);
        return answered != null && !answered.contains(type);
    }

    boolean servfails(Name n) {
        return servfailAll || servfail.contains(n);
    }

    boolean truncates(Name n) {
        return truncateAll || truncate.contains(n);
    }

    Duration delayFor(Name n) {
        Duration d = delays.get(n);
        return d != null ? d : delay;
    }

    boolean dropsAll() {
        return dropAll;
    }

    TimeoutMode timeoutMode() {
        return timeoutMode;
    }

    /** A snapshot of the records, for debugging. */
    public Map<Name, List<Record>> snapshot() {
        return new LinkedHashMap<>(records);
    }
}
