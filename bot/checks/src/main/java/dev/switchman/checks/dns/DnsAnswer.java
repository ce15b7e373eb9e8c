package dev.switchman.checks.dns;

import com.google.common.net.InetAddresses;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * One DNS answer as the checks see it: what kind of outcome, the records of the asked type at the
 * end of any CNAME chain, the smallest TTL among them and the server that answered.
 *
 * @param name the name asked
 * @param type the type asked ({@link Type} constant)
 * @param outcome how the query ended
 * @param records records of {@code type} at the end of the CNAME chain (empty unless ANSWER)
 * @param cnames CNAME targets followed, in order
 * @param server {@code host:port} that gave this answer, or the last one tried
 * @param detail a human sentence: which servers failed and how (empty when the first try worked)
 * @param tcp true when the answer came over TCP (after a truncated UDP answer)
 */
public record DnsAnswer(String name, int type, Outcome outcome, List<Record> records, List<String> cnames,
                        String server, String detail, boolean tcp) {

    /** How a query ended. NXDOMAIN (the name does not exist) and NODATA (it exists, not this type) differ. */
    public enum Outcome {
        ANSWER, NODATA, NXDOMAIN, SERVFAIL, REFUSED, TIMEOUT, ERROR;

        /** True when the server gave a definitive answer (records, no data or no such name). */
        public boolean isDefinitive() {
            return this == ANSWER || this == NODATA || this == NXDOMAIN;
        }
    }

    public DnsAnswer {
        records = List.copyOf(records);
        cnames = List.copyOf(cnames);
        detail = detail == null ? "" : detail;
    }

    public boolean isError() {
        return !outcome.isDefinitive();
    }

    /** No records: NXDOMAIN or NODATA (a "void lookup" in RFC 7208 terms). */
    public boolean isEmpty() {
        return outcome == Outcome.NXDOMAIN || outcome == Outcome.NODATA;
    }

    /** Smallest TTL among the records, or -1 when there are none. */
    public long ttl() {
        return records.stream().mapToLong(Record::getTTL).min().orElse(-1);
    }

    /** Each record's data as text: addresses, host names without the final dot, "10 mx.example.com", joined TXT. */
    public List<String> values() {
        List<String> out = new ArrayList<>();
        for (Record r : records) {
            out.add(render(r));
        }
        return out;
    }

    /** The TXT strings of each record, joined (RFC 7208 3.3, RFC 6376 3.6.2.2), decoded as UTF-8. */
    public List<String> texts() {
        List<String> out = new ArrayList<>();
        for (Record r : records) {
            if (r instanceof TXTRecord t) {
                out.add(joinTxt(t));
            }
        }
        return out;
    }

    /** Short text for messages: "NXDOMAIN from 127.0.0.1:53". */
    public String describe() {
        String s = switch (outcome) {
            case ANSWER -> values().size() + " record(s)";
            case NODATA -> "no " + Type.string(type) + " records (NODATA)";
            case NXDOMAIN -> "no such name (NXDOMAIN)";
            case SERVFAIL -> "SERVFAIL";
            case REFUSED -> "REFUSED";
            case TIMEOUT -> "timeout";
            case ERROR -> "error";
        };
        return s + " for " + name + "/" + Type.string(type) + " from " + server + (detail.isEmpty() ? "" : " (" + detail + ")");
    }

    static String joinTxt(TXTRecord t) {
        StringBuilder sb = new StringBuilder();
        for (byte[] b : t.getStringsAsByteArrays()) {
            sb.append(new String(b, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    static String host(Name n) {
        String s = n.toString();
        return s.endsWith(".") && s.length() > 1 ? s.substring(0, s.length() - 1) : s;
    }

    /** Record data as text, the way the checks compare it. */
    public static String render(Record r) {
        if (r instanceof ARecord a) {
            return a.getAddress().getHostAddress();
        } else if (r instanceof AAAARecord a) {
            return InetAddresses.toAddrString(a.getAddress());
        } else if (r instanceof CNAMERecord c) {
            return host(c.getTarget());
        } else if (r instanceof MXRecord m) {
            return m.getPriority() + " " + host(m.getTarget());
        } else if (r instanceof NSRecord n) {
            return host(n.getTarget());
        } else if (r instanceof PTRRecord p) {
            return host(p.getTarget());
        } else if (r instanceof TXTRecord t) {
            return joinTxt(t);
        } else if (r instanceof CAARecord c) {
            return c.getFlags() + " " + c.getTag() + " \"" + c.getValue() + "\"";
        }
        return r.rdataToString();
    }
}
