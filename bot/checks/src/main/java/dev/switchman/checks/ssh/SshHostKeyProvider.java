package dev.switchman.checks.ssh;

import com.google.common.net.InetAddresses;
import dev.switchman.checks.dns.DnsChecks;
import dev.switchman.checks.dns.HostAddresses;
import dev.switchman.checks.net.PerAddress;
import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.check.ParamSpec;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.ClientSession.ClientSessionEvent;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.kex.KexProposalOption;

/**
 * {@code access.ssh}: reads an SSH server's banner and host key (Apache MINA SSHD client; the key
 * exchange runs far enough to receive the signed host key, then the session closes without
 * authenticating) and compares its SHA-256 fingerprint, as OpenSSH prints it, with the expected one,
 * on every address of the host (A and AAAA; host names in A-labels, UTS 46), reported per address.
 */
public final class SshHostKeyProvider implements CheckProvider {

    public static final String KIND = "access.ssh";

    static final AttributeKey<PublicKey> HOST_KEY = new AttributeKey<>();

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String summary() {
        return "SSH server banner and host key; PASS iff the SHA-256 fingerprint matches expect-fingerprint";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required("host", "SSH server name or address"),
                ParamSpec.optional("port", "22", "TCP port"),
                ParamSpec.required("expect-fingerprint", "host key fingerprint as OpenSSH prints it: SHA256:<base64 without padding>"));
    }

    @Override
    public List<String> validate(Map<String, String> params) {
        List<String> problems = new ArrayList<>(CheckProvider.super.validate(params));
        String fp = params.get("expect-fingerprint");
        if (fp != null && !fp.isBlank() && !fp.trim().matches("SHA256:[A-Za-z0-9+/]{43}")) {
            problems.add("parameter 'expect-fingerprint': '" + fp.trim() + "' is not an OpenSSH SHA-256 fingerprint (expected SHA256: and 43 base64 characters, as ssh-keygen -lf prints)");
        }
        String port = params.get("port");
        if (port != null && !port.isBlank()) {
            try {
                int p = Integer.parseInt(port.trim());
                if (p < 1 || p > 65535) {
                    problems.add("parameter 'port': " + p + " is out of range (expected 1..65535)");
                }
            } catch (NumberFormatException e) {
                problems.add("parameter 'port': '" + port + "' is not a whole number (expected 1..65535)");
            }
        }
        return problems;
    }

    @Override
    public CheckResult run(CheckRequest request) {
        String host = request.param("host", "").trim();
        int port = Integer.parseInt(request.param("port", "22").trim());
        String expected = request.param("expect-fingerprint", "").trim();
        String target = host + ":" + port;
        HostAddresses.Resolution resolved = HostAddresses.resolve(host, null, request.environment(), DnsChecks.deadline(request));
        if (!resolved.ok()) {
            return request.result(resolved.failure(), target, resolved.problem(), Map.of());
        }
        return PerAddress.run(request, target, resolved.addresses(), address -> one(request, target, address, port, expected));
    }

    /** The host key of one address, compared with the expected fingerprint. */
    private static CheckResult one(CheckRequest request, String target, InetAddress address, int port, String expected) {
        String where = InetAddresses.toUriString(address) + ":" + port;
        Duration left = request.remaining();
        if (left.isZero()) {
            return request.result(CheckStatus.UNKNOWN, target, "no time left before the deadline to connect to " + where, Map.of());
        }
        long deadline = System.nanoTime() + left.toNanos();
        ClientSession session = null;
        SshClient client = newClient();
        try {
            session = client.connect("switchman-probe", address.getHostAddress(), port).verify(left).getSession();
            Duration rest = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
            var events = session.waitFor(EnumSet.of(ClientSessionEvent.WAIT_AUTH, ClientSessionEvent.CLOSED, ClientSessionEvent.AUTHED), rest);
            PublicKey key = session.getAttribute(HOST_KEY);
            if (key == null) {
                if (events.contains(ClientSessionEvent.TIMEOUT)) {
                    return request.result(CheckStatus.UNKNOWN, target, "timed out waiting for the host key from " + where, banner(session));
                }
                return request.result(CheckStatus.ERROR, target, "no host key received from " + where + " (session ended during key exchange)", banner(session));
            }
            String fingerprint = KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
            Map<String, Object> obs = banner(session);
            obs.put("address", InetAddresses.toAddrString(address));
            obs.put("fingerprint", fingerprint);
            obs.put("key-type", KeyUtils.getKeyType(key));
            obs.put("key-bits", KeyUtils.getKeySize(key));
            Map<KexProposalOption, String> offered = session.getServerKexProposals();
            if (offered != null) {
                obs.put("kex-algorithms", split(offered.get(KexProposalOption.ALGORITHMS)));
                obs.put("host-key-algorithms", split(offered.get(KexProposalOption.SERVERKEYS)));
                obs.put("ciphers", split(offered.get(KexProposalOption.S2CENC)));
                obs.put("macs", split(offered.get(KexProposalOption.S2CMAC)));
            }
            boolean match = fingerprint.equals(expected);
            return request.result(match ? CheckStatus.PASS : CheckStatus.FAIL, target,
                    match ? "host key " + KeyUtils.getKeyType(key) + " " + fingerprint + " matches"
                          : "host key " + KeyUtils.getKeyType(key) + " " + fingerprint + " does not match expected " + expected,
                    obs);
        } catch (IOException e) {
            Throwable root = rootCause(e);
            if (root instanceof SocketTimeoutException || (e.getMessage() != null && e.getMessage().toLowerCase().contains("timeout"))) {
                return request.result(CheckStatus.UNKNOWN, target, "timed out connecting to " + where, Map.of());
            }
            if (root instanceof ConnectException) {
                return request.result(CheckStatus.ERROR, target, "cannot connect to " + where + ": " + root.getMessage(), Map.of());
            }
            return request.result(CheckStatus.ERROR, target, "SSH to " + where + " failed: " + root.getMessage(), Map.of());
        } finally {
            if (session != null) {
                session.close(true);
            }
            client.stop();
        }
    }

    private static Map<String, Object> banner(ClientSession session) {
        Map<String, Object> obs = new LinkedHashMap<>();
        String v = session.getServerVersion();
        obs.put("banner", v == null ? "" : v);
        return obs;
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    /**
     * A client for one probe (its I/O threads end with it, so a one-shot command can exit): it
     * records the session's host key and never authenticates.
     */
    private static SshClient newClient() {
        SshClient c = SshClient.setUpDefaultClient();
        // measure the server as named: ignore ~/.ssh/config (host aliases, ports) and never load keys
        c.setHostConfigEntryResolver(org.apache.sshd.client.config.hosts.HostConfigEntryResolver.EMPTY);
        c.setKeyIdentityProvider(org.apache.sshd.common.keyprovider.KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        c.setServerKeyVerifier((session, remote, key) -> {
            session.setAttribute(HOST_KEY, key);
            return true; // recorded, judged by the check; no authentication follows
        });
        c.start();
        return c;
    }
}
