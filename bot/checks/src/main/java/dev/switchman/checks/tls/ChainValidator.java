package dev.switchman.checks.tls;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a chain as a server presented it, without trusting it blindly: orders it from the leaf
 * by issuer names, finds a trusted root, then runs the JDK's PKIX {@link CertPathValidator} at the
 * given date. Revocation is checked only with evidence in hand: a stapled OCSP response for the
 * leaf, or CRLs given explicitly; never by fetching over the network.
 */
public final class ChainValidator {

    private final TrustRoots roots;
    private final List<X509CRL> crls;

    public ChainValidator(TrustRoots roots, List<X509CRL> crls) {
        this.roots = roots;
        this.crls = crls == null ? List.of() : List.copyOf(crls);
    }

    /**
     * The verdict on a chain as presented (leaf first) at the given time. A certificate of the path
     * that has expired (or is not yet valid) is named with its date even when the chain fails first
     * for another reason (a missing issuer, an untrusted root): the problem code stays that reason (as
     * OpenSSL reports it), and the detail starts with the expired certificate and its notAfter.
     */
    public ChainVerdict validate(List<X509Certificate> presented, Instant at, byte[] stapledOcsp) {
        if (presented == null || presented.isEmpty()) {
            return new ChainVerdict(ChainProblem.NO_CERTIFICATE, "the server presented no certificate", List.of(), null);
        }
        List<X509Certificate> path = order(presented);
        ChainVerdict verdict = validatePath(path, at, stapledOcsp);
        if (verdict.valid() || verdict.problem() == ChainProblem.EXPIRED || verdict.problem() == ChainProblem.NOT_YET_VALID) {
            return verdict;
        }
        for (X509Certificate c : path) {
            ChainVerdict dates = checkDates(path, c, at);
            if (!dates.valid()) {
                return new ChainVerdict(verdict.problem(), dates.detail() + "; and " + verdict.detail(), verdict.path(), verdict.anchor());
            }
        }
        return verdict;
    }

    private ChainVerdict validatePath(List<X509Certificate> path, Instant at, byte[] stapledOcsp) {
        // A presented certificate that is itself trusted (same name and key as a root: the root sent
        // along, a cross-signed copy of a trusted root, or a trusted leaf) ends the path there.
        for (int i = 0; i < path.size(); i++) {
            X509Certificate anchor = trustedAs(path.get(i));
            if (anchor != null) {
                List<X509Certificate> below = path.subList(0, i);
                if (below.isEmpty()) {
                    return checkDates(List.of(anchor), anchor, at);
                }
                return pkix(below, List.of(anchor), at, stapledOcsp);
            }
        }
        X509Certificate top = path.get(path.size() - 1);
        List<X509Certificate> anchors = roots.certificates().stream()
                .filter(r -> r.getSubjectX500Principal().equals(top.getIssuerX500Principal()))
                .toList();
        if (anchors.isEmpty()) {
            if (selfSigned(top)) {
                return path.size() == 1
                        ? new ChainVerdict(ChainProblem.SELF_SIGNED, "self-signed certificate " + name(top) + " is not trusted", path, null)
                        : new ChainVerdict(ChainProblem.UNTRUSTED_ROOT, "root " + name(top) + " sent by the server is not trusted", path, null);
            }
            return new ChainVerdict(ChainProblem.INCOMPLETE_CHAIN, "issuer " + top.getIssuerX500Principal().getName()
                    + " of " + name(top) + " was not sent by the server and is not a trusted root (incomplete chain, or an untrusted root)", path, null);
        }
        return pkix(path, anchors, at, stapledOcsp);
    }

    private X509Certificate trustedAs(X509Certificate c) {
        for (X509Certificate r : roots.certificates()) {
            if (r.equals(c)) {
                return r;
            }
        }
        for (X509Certificate r : roots.certificates()) {
            if (r.getSubjectX500Principal().equals(c.getSubjectX500Principal()) && r.getPublicKey().equals(c.getPublicKey())) {
                return r;
            }
        }
        return null;
    }

    /** Leaf first, then each issuer found among the presented certificates; extras are dropped. */
    static List<X509Certificate> order(List<X509Certificate> presented) {
        List<X509Certificate> path = new ArrayList<>();
        path.add(presented.get(0));
        while (true) {
            X509Certificate cur = path.get(path.size() - 1);
            if (selfSigned(cur) || path.size() > 16) {
                return path;
            }
            List<X509Certificate> candidates = new ArrayList<>();
            for (X509Certificate c : presented) {
                if (!path.contains(c) && c.getSubjectX500Principal().equals(cur.getIssuerX500Principal())) {
                    candidates.add(c);
                }
            }
            // one candidate: PKIX checks its signature later; several (re-keyed CA): the one whose key verifies
            X509Certificate next = candidates.isEmpty() ? null : candidates.get(0);
            if (candidates.size() > 1) {
                next = candidates.stream().filter(c -> verifies(cur, c)).findFirst().orElse(next);
            }
            if (next == null) {
                return path;
            }
            path.add(next);
        }
    }

    static boolean selfSigned(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal()) && verifies(c, c);
    }

    private static boolean verifies(X509Certificate subject, X509Certificate issuer) {
        try {
            subject.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private ChainVerdict pkix(List<X509Certificate> path, List<X509Certificate> anchorCerts, Instant at, byte[] stapledOcsp) {
        ChainVerdict last = null;
        for (X509Certificate anchorCert : anchorCerts) {
            ChainVerdict v = pkixOne(path, anchorCert, at, stapledOcsp);
            if (v.valid()) {
                return v;
            }
            if (last == null || last.problem() == ChainProblem.BAD_SIGNATURE) {
                last = v;
            }
        }
        return last;
    }

    private ChainVerdict pkixOne(List<X509Certificate> path, X509Certificate anchorCert, Instant at, byte[] stapledOcsp) {
        ChainVerdict anchorDates = checkDates(List.of(anchorCert), anchorCert, at);
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(anchorCert, null)));
            params.setDate(Date.from(at));
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            if (!crls.isEmpty()) {
                params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
                PKIXRevocationChecker rc = (PKIXRevocationChecker) validator.getRevocationChecker();
                rc.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS, PKIXRevocationChecker.Option.NO_FALLBACK,
                        PKIXRevocationChecker.Option.SOFT_FAIL));
                params.setRevocationEnabled(false);
                params.addCertPathChecker(rc);
            } else if (stapledOcsp != null && stapledOcsp.length > 0) {
                PKIXRevocationChecker rc = (PKIXRevocationChecker) validator.getRevocationChecker();
                rc.setOcspResponses(Map.of(path.get(0), stapledOcsp));
                rc.setOptions(EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY, PKIXRevocationChecker.Option.NO_FALLBACK,
                        PKIXRevocationChecker.Option.SOFT_FAIL));
                params.setRevocationEnabled(false);
                params.addCertPathChecker(rc);
            } else {
                params.setRevocationEnabled(false);
            }
            validator.validate(certPath, params);
        } catch (CertPathValidatorException e) {
            return fromException(e, path, anchorCert);
        } catch (InvalidAlgorithmParameterException e) {
            return new ChainVerdict(ChainProblem.INVALID, "cannot validate: " + e.getMessage(), path, anchorCert);
        } catch (GeneralSecurityException e) {
            return new ChainVerdict(ChainProblem.INVALID, "cannot validate: " + e.getMessage(), path, anchorCert);
        }
        if (!anchorDates.valid()) {
            return new ChainVerdict(anchorDates.problem(), anchorDates.detail(), path, anchorCert);
        }
        return new ChainVerdict(ChainProblem.NONE, "chains to trusted root " + name(anchorCert), path, anchorCert);
    }

    private static ChainVerdict fromException(CertPathValidatorException e, List<X509Certificate> path, X509Certificate anchor) {
        int index = e.getIndex();
        String which = index >= 0 && index < path.size() ? name(path.get(index)) : "the chain";
        CertPathValidatorException.Reason r = e.getReason();
        ChainProblem p;
        String what;
        if (r == BasicReason.EXPIRED) {
            p = ChainProblem.EXPIRED;
            what = which + " has expired (not after " + (index >= 0 && index < path.size() ? path.get(index).getNotAfter().toInstant() : "?") + ")";
        } else if (r == BasicReason.NOT_YET_VALID) {
            p = ChainProblem.NOT_YET_VALID;
            what = which + " is not yet valid (not before " + (index >= 0 && index < path.size() ? path.get(index).getNotBefore().toInstant() : "?") + ")";
        } else if (r == BasicReason.INVALID_SIGNATURE) {
            p = ChainProblem.BAD_SIGNATURE;
            what = "the signature on " + which + " does not verify";
        } else if (r == BasicReason.ALGORITHM_CONSTRAINED) {
            p = ChainProblem.WEAK_ALGORITHM;
            what = which + " uses a forbidden algorithm: " + e.getMessage();
        } else if (r == BasicReason.REVOKED) {
            p = ChainProblem.REVOKED;
            what = which + " is revoked";
        } else if (r == BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            p = ChainProblem.REVOCATION_UNKNOWN;
            what = "revocation status of " + which + " could not be determined";
        } else if (r == PKIXReason.NO_TRUST_ANCHOR) {
            p = ChainProblem.UNTRUSTED_ROOT;
            what = "no trusted root for " + which;
        } else if (r == PKIXReason.NOT_CA_CERT) {
            p = ChainProblem.NOT_A_CA;
            what = which + " is not a CA certificate but issues another";
        } else if (e.getMessage() != null && e.getMessage().startsWith("Untrusted certificate")) {
            p = ChainProblem.DISTRUSTED;
            what = "the JDK blocks a certificate in the chain as known-compromised: " + e.getMessage().substring("Untrusted certificate".length()).replaceFirst("^: ", "");
        } else if (e.getMessage() != null && e.getMessage().toLowerCase().contains("signature check failed")) {
            p = ChainProblem.BAD_SIGNATURE;
            what = "the signature on " + which + " does not verify";
        } else {
            p = ChainProblem.INVALID;
            what = which + ": " + e.getMessage();
        }
        return new ChainVerdict(p, what, path, anchor);
    }

    private static ChainVerdict checkDates(List<X509Certificate> path, X509Certificate anchor, Instant at) {
        try {
            anchor.checkValidity(Date.from(at));
            return new ChainVerdict(ChainProblem.NONE, "trusted directly: " + name(anchor), path, anchor);
        } catch (CertificateExpiredException e) {
            return new ChainVerdict(ChainProblem.EXPIRED, name(anchor) + " has expired (not after " + anchor.getNotAfter().toInstant() + ")", path, anchor);
        } catch (CertificateNotYetValidException e) {
            return new ChainVerdict(ChainProblem.NOT_YET_VALID, name(anchor) + " is not yet valid (not before " + anchor.getNotBefore().toInstant() + ")", path, anchor);
        }
    }

    static String name(X509Certificate c) {
        String dn = c.getSubjectX500Principal().getName();
        return dn.isEmpty() ? "(empty subject, serial " + c.getSerialNumber().toString(16) + ")" : dn;
    }
}
