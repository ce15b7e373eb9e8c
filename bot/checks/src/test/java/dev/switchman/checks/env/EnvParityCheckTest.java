package dev.switchman.checks.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.switchman.checks.testing.Requests;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvParityCheckTest {

    @TempDir
    Path dir;

    CheckResult check(String old, String now, Map<String, String> extra) throws Exception {
        Path a = Files.writeString(dir.resolve("old.env"), old);
        Path b = Files.writeString(dir.resolve("new.env"), now);
        Map<String, String> params = new java.util.HashMap<>(Map.of("old", a.toString(), "new", b.toString()));
        params.putAll(extra);
        assertEquals(List.of(), new EnvParityCheck().validate(params));
        return new EnvParityCheck().run(Requests.request(EnvParityCheck.KIND, params));
    }

    @Test
    void missingAndDifferentKeysFailAndValuesAreNeverShown() throws Exception {
        CheckResult r = check("DATABASE_URL=postgres://app:hunter2@old/db\nSESSION_SECRET=s3cr3t-one\nSMTP_HOST=mail.old\n# comment\n",
                "export DATABASE_URL=\"postgres://app:hunter2@old/db\"\nSESSION_SECRET=s3cr3t-two\nFEATURE_X=1\n", Map.of());
        assertEquals(CheckStatus.FAIL, r.status(), r.message());
        assertEquals(List.of("SMTP_HOST"), r.observations().get("missing"));
        assertEquals(List.of("SESSION_SECRET"), r.observations().get("different"));
        assertEquals(List.of("FEATURE_X"), r.observations().get("extra"));
        String all = r.message() + r.observations();
        assertFalse(all.contains("hunter2") || all.contains("s3cr3t") || all.contains("mail.old"), all);
    }

    @Test
    void equalAfterQuotesAndExportPassesAndExtraKeysPassByDefault() throws Exception {
        CheckResult r = check("A=1\nB='two words'\n", "export A=1\nB=\"two words\"\nC=3\n", Map.of());
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        CheckResult strict = check("A=1\n", "A=1\nC=3\n", Map.of("allow-extra", "false"));
        assertEquals(CheckStatus.FAIL, strict.status(), strict.message());
    }

    @Test
    void procEnvironFormatAndAKeyList() throws Exception {
        CheckResult r = check("A=1\0B=2\0PATH=/usr/bin\0", "A=1\0B=3\0PATH=/bin\0", Map.of("keys", "A,B"));
        assertEquals(List.of("B"), r.observations().get("different"));
        assertEquals(2, r.observations().get("compared"));
    }

    @Test
    void unreadableFileIsError() {
        CheckResult r = new EnvParityCheck().run(Requests.request(EnvParityCheck.KIND, Map.of("old", dir.resolve("nope").toString(), "new", dir.resolve("nope2").toString())));
        assertEquals(CheckStatus.ERROR, r.status(), r.message());
    }
}
