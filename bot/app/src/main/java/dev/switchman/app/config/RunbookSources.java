package dev.switchman.app.config;

import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.runbook.RunbookCatalog;
import dev.switchman.core.runbook.RunbookLoader;
import java.nio.file.Path;

/** The runbooks the bot offers: bundled on the class path, then {@code ./runbooks}, then each {@code --runbooks DIR}. */
public final class RunbookSources {

    private RunbookSources() {
    }

    public static RunbookCatalog catalog(Settings settings, CheckProviders providers) {
        RunbookCatalog.Builder builder = RunbookCatalog.builder(new RunbookLoader(providers))
                .addClasspath(RunbookSources.class.getClassLoader());
        for (Path dir : settings.runbookDirs()) {
            builder.addDirectory(dir);
        }
        return builder.build();
    }
}
