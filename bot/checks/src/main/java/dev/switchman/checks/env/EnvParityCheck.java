package dev.switchman.checks.env;

import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.check.ParamSpec;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code env.parity}: the old and the new environment hold the same variables with the same values,
 * compared by key and by SHA-256 of the value; values are never read into results. PASS iff no key
 * is missing on the new side and none differs (extra keys on the new side are reported, and FAIL
 * only with {@code allow-extra: false}); ERROR when a file cannot be read.
 */
public final class EnvParityCheck implements CheckProvider {

    public static final String KIND = "env.parity";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String summary() {
        return "Old and new environments (.env files, env dumps, /proc/PID/environ) equal by key and value hash; values never shown";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required("old", "path of the old environment: a .env file, an env dump or /proc/PID/environ"),
                ParamSpec.required("new", "path of the new environment, the same forms"),
                ParamSpec.optional("keys", null, "comma list of the variables compared (default: every key of either side)"),
                ParamSpec.optional("allow-extra", "true", "true: keys only on the new side are reported but pass; false: they fail"));
    }

    @Override
    public List<String> validate(Map<String, String> params) {
        List<String> problems = new ArrayList<>(CheckProvider.super.validate(params));
        String extra = params.get("allow-extra");
        if (extra != null && !extra.isBlank() && !Set.of("true", "false").contains(extra.trim())) {
            problems.add("parameter 'allow-extra': '" + extra.trim() + "' is not true or false");
        }
        return problems;
    }

    @Override
    public CheckResult run(CheckRequest request) {
        String oldPath = request.param("old").trim();
        String newPath = request.param("new").trim();
        String target = oldPath + " vs " + newPath;
        Map<String, String> old;
        Map<String, String> now;
        try {
            old = EnvFile.read(Path.of(oldPath));
            now = EnvFile.read(Path.of(newPath));
        } catch (NoSuchFileException e) {
            return request.result(CheckStatus.ERROR, target, "no such file: " + e.getFile(), Map.of());
        } catch (IOException | RuntimeException e) {
            return request.result(CheckStatus.ERROR, target, "cannot read the environment: " + e.getClass().getSimpleName() + " " + e.getMessage(), Map.of());
        }
        Set<String> keys = new TreeSet<>();
        String only = request.param("keys");
        if (only != null && !only.isBlank()) {
            for (String k : only.split(",")) {
                if (!k.isBlank()) {
                    keys.add(k.trim());
                }
            }
        } else {
            keys.addAll(old.keySet());
            keys.addAll(now.keySet());
        }
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        List<String> different = new ArrayList<>();
        for (String k : keys) {
            String a = old.get(k);
            String b = now.get(k);
            if (a != null && b == null) {
                missing.add(k);
            } else if (a == null && b != null) {
                extra.add(k);
            } else if (a == null) {
                missing.add(k); // named in 'keys' but set on neither side
            } else if (!a.equals(b)) {
                different.add(k);
            }
        }
        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("missing", missing);
        obs.put("extra", extra);
        obs.put("different", different);
        obs.put("compared", keys.size());
        boolean extraFails = "false".equals(request.param("allow-extra", "true").trim());
        boolean fail = !missing.isEmpty() || !different.isEmpty() || (extraFails && !extra.isEmpty());
        String msg = keys.size() + " key(s) compared: " + missing.size() + " missing on the new side" + (missing.isEmpty() ? "" : " " + missing)
                + ", " + different.size() + " with a different value" + (different.isEmpty() ? "" : " " + different)
                + ", " + extra.size() + " only on the new side" + (extra.isEmpty() ? "" : " " + extra);
        return request.result(fail ? CheckStatus.FAIL : CheckStatus.PASS, target, msg, obs);
    }
}
