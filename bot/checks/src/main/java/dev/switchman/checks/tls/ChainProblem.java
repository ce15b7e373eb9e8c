package dev.switchman.checks.tls;

/** Why a presented chain does not validate; {@link #NONE} when it does. Codes are stable (observations). */
public enum ChainProblem {
    NONE("none"),
    EXPIRED("expired"),
    NOT_YET_VALID("not-yet-valid"),
    BAD_SIGNATURE("bad-signature"),
    SELF_SIGNED("self-signed"),
    UNTRUSTED_ROOT("untrusted-root"),
    INCOMPLETE_CHAIN("incomplete-chain"),
    WEAK_ALGORITHM("weak-algorithm"),
    REVOKED("revoked"),
    REVOCATION_UNKNOWN("revocation-unknown"),
    NOT_A_CA("not-a-ca"),
    /** On the JDK's list of blocked certificates (lib/security/blocked.certs): a known-compromised key. */
    DISTRUSTED("distrusted"),
    INVALID("invalid"),
    NO_CERTIFICATE("no-certificate");

    private final String code;

    ChainProblem(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
