package dev.switchman.checks.mail;

import dev.switchman.core.check.CheckStatus;
import java.util.Locale;

/** The seven results of RFC 7208 check_host() (section 2.6). */
public enum SpfResult {
    NONE, NEUTRAL, PASS, FAIL, SOFTFAIL, TEMPERROR, PERMERROR;

    /** As the RFC spells it: "softfail", "permerror"... */
    public String rfcName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** pass=PASS, fail/softfail=FAIL, neutral/none=WARN, temperror=UNKNOWN, permerror=ERROR. */
    public CheckStatus status() {
        return switch (this) {
            case PASS -> CheckStatus.PASS;
            case FAIL, SOFTFAIL -> CheckStatus.FAIL;
            case NEUTRAL, NONE -> CheckStatus.WARN;
            case TEMPERROR -> CheckStatus.UNKNOWN;
            case PERMERROR -> CheckStatus.ERROR;
        };
    }

    static SpfResult ofQualifier(char q) {
        return switch (q) {
            case '-' -> FAIL;
            case '~' -> SOFTFAIL;
            case '?' -> NEUTRAL;
            default -> PASS;
        };
    }
}
