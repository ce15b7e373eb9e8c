package dev.switchman.checks.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.check.CheckProviders;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResolversTest {

    @Test
    void parsesHostPortIpv6AndBareHosts() {
        assertEquals(List.of(new InetSocketAddress("127.0.0.1", 5353), new InetSocketAddress("::1", 53),
                        new InetSocketAddress("::1", 5300), new InetSocketAddress("192.0.2.1", 53)),
                Resolvers.parse("127.0.0.1:5353, ::1, [::1]:5300,192.0.2.1"));
    }

    @Test
    void syntaxProblemNamesTheEntryWithoutResolvingAnything() {
        assertEquals(null, Resolvers.syntaxProblem("127.0.0.1:5353"));
        assertEquals(null, Resolvers.syntaxProblem("[::1]:53"));
        assertEquals(null, Resolvers.syntaxProblem("no-such-host.invalid"), "a name is not looked up");
        assertEquals("resolver 'dns:port': port must be 1-65535, was 'port'", Resolvers.syntaxProblem("dns:port"));
        assertEquals("resolver '127.0.0.1:0': port must be 1-65535, was '0'", Resolvers.syntaxProblem("127.0.0.1:0"));
        assertEquals("resolver '[::1:53': expected [ipv6]:port", Resolvers.syntaxProblem("[::1:53"));
        assertEquals("resolver ':53': expected host:port", Resolvers.syntaxProblem(":53"));
        assertTrue(Resolvers.syntaxProblem("a..b:53").contains("empty label"), Resolvers.syntaxProblem("a..b:53"));
    }

    @Test
    void badPortIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Resolvers.parse("127.0.0.1:99999"));
        assertTrue(e.getMessage().contains("127.0.0.1:99999"), e.getMessage());
    }

    @Test
    void serviceLoaderFindsEveryDnsAndMailKind() {
        Set<String> kinds = CheckProviders.load().kinds();
        assertTrue(kinds.containsAll(Set.of("dns.record", "dns.ttl", "dns.propagation", "mail.mx", "mail.spf", "mail.dkim", "mail.dmarc")), kinds.toString());
    }

    @Test
    void everyProviderRejectsUnknownParameters() {
        for (String kind : List.of("dns.record", "dns.ttl", "dns.propagation", "mail.mx", "mail.spf", "mail.dkim", "mail.dmarc")) {
            var p = CheckProviders.load().find(kind).orElseThrow();
            assertTrue(p.validate(java.util.Map.of("bogus", "1")).stream().anyMatch(s -> s.contains("unknown parameter 'bogus'")), kind);
        }
    }
}
