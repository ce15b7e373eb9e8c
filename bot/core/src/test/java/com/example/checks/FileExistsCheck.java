package com.example.checks;

import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.check.ParamSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code file.exists}: a file is present on the bot's host (a lock file, an exported dump). */
public final class FileExistsCheck implements CheckProvider {

    @Override
    public String kind() {
        return "file.exists";
    }

    @Override
    public String summary() {
        return "A file is present on the bot's host";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.required("path", "the file to look for"));
    }

    @Override
    public CheckResult run(CheckRequest request) {
        Path path = Path.of(request.param("path"));
        if (!Files.exists(path)) {
            return request.result(CheckStatus.FAIL, path.toString(), "no such file", Map.of("exists", false));
        }
        try {
            long size = Files.size(path);
            return request.result(CheckStatus.PASS, path.toString(), size + " bytes", Map.of("exists", true, "size-bytes", size));
        } catch (java.io.IOException e) {
            return request.result(CheckStatus.ERROR, path.toString(), "cannot read its size: " + e.getMessage(), Map.of("exists", true));
        }
    }
}
