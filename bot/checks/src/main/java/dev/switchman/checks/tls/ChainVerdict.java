package dev.switchman.checks.tls;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The verdict on a presented chain: valid or the first problem found, a sentence saying which
 * certificate failed and why, and the chain in issuing order (leaf first) as far as it could be built.
 */
public record ChainVerdict(ChainProblem problem, String detail, List<X509Certificate> path, X509Certificate anchor) {

    public ChainVerdict {
        path = List.copyOf(path);
        detail = detail == null ? "" : detail;
    }

    public boolean valid() {
        return problem == ChainProblem.NONE;
    }
}
