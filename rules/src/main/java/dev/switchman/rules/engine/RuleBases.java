package dev.switchman.rules.engine;

import dev.switchman.core.decision.DecisionEngine.RuleProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.builder.Message;
import org.kie.api.builder.Results;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.io.ResourceFactory;
import org.kie.internal.utils.KieHelper;

/**
 * Compiles rule packs (plain DRL, at start-up, with KieHelper: works unchanged inside a Spring Boot fat
 * jar because the DRL is read as bytes from the classpath) and caches one KieBase per rule set: every
 * runbook without its own .drl shares the built-in one.
 */
public final class RuleBases {

    /** The built-in packs, one file per concern, under rules/src/main/resources. */
    public static final List<String> BUILT_IN = List.of(
            "dev/switchman/rules/packs/gate.drl",
            "dev/switchman/rules/packs/dns.drl",
            "dev/switchman/rules/packs/replication.drl",
            "dev/switchman/rules/packs/rollback.drl",
            "dev/switchman/rules/packs/staleness.drl",
            "dev/switchman/rules/packs/tls.drl",
            "dev/switchman/rules/packs/mail.drl",
            "dev/switchman/rules/packs/data.drl",
            "dev/switchman/rules/packs/watch.drl");

    private static final Map<String, KieBase> CACHE = new ConcurrentHashMap<>();

    /** One rule file's text and the name it is reported under. */
    public record DrlSource(String name, String text) {
    }

    /** Thrown when a rule set does not compile; carries every problem with file and line. */
    public static final class CompileException extends RuntimeException {
        private final List<RuleProblem> problems;

        CompileException(List<RuleProblem> problems) {
            super(problems.isEmpty() ? "rules do not compile" : problems.get(0).file() + ":" + problems.get(0).line()
                    + ":" + problems.get(0).column() + ": " + problems.get(0).message());
            this.problems = List.copyOf(problems);
        }

        public List<RuleProblem> problems() {
            return problems;
        }
    }

    private RuleBases() {
    }

    /** The built-in packs as sources. */
    public static List<DrlSource> builtIn() {
        List<DrlSource> out = new ArrayList<>();
        for (String p : BUILT_IN) {
            try (InputStream in = RuleBases.class.getClassLoader().getResourceAsStream(p)) {
                if (in == null) {
                    throw new IllegalStateException("built-in rule pack missing from the classpath: " + p);
                }
                out.add(new DrlSource(p, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Reads a rule file from disk, reported under {@code name}. */
    public static DrlSource read(Path file, String name) {
        try {
            return new DrlSource(name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cached KieBase for the built-in packs plus {@code extra}, compiling it on first use. */
    public static KieBase get(List<DrlSource> extra) {
        String key = key(extra);
        KieBase kb = CACHE.get(key);
        if (kb != null) {
            return kb;
        }
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(key, k -> build(extra));
        }
    }

    /** Compiles the built-in packs plus {@code extra} into a fresh STREAM-mode KieBase (no cache). */
    public static KieBase build(List<DrlSource> extra) {
        List<DrlSource> all = new ArrayList<>(builtIn());
        all.addAll(extra);
        // One compilation: KieHelper.verify() followed by build() would compile every pack twice.
        KieServices ks = KieServices.Factory.get();
        ReleaseId id = ks.newReleaseId("dev.switchman.rules", "rule-set-" + BUILDS.incrementAndGet(), "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(id);
        for (Resource r : resources(all)) {
            kfs.write(r);
        }
        ClassLoader loader = RuleBases.class.getClassLoader();
        KieBuilder builder = ks.newKieBuilder(kfs, loader).buildAll();
        List<RuleProblem> problems = problems(builder.getResults());
        if (!problems.isEmpty()) {
            throw new CompileException(problems);
        }
        KieContainer container = ks.newKieContainer(id, loader);
        KieBaseConfiguration conf = ks.newKieBaseConfiguration();
        conf.setOption(EventProcessingOption.STREAM);
        return container.newKieBase(conf);
    }

    private static final AtomicLong BUILDS = new AtomicLong();

    /** Compile problems of one set of sources (errors only), each with file, line and column. */
    public static List<RuleProblem> check(List<DrlSource> sources) {
        return problems(helper(sources).verify());
    }

    private static KieHelper helper(List<DrlSource> sources) {
        KieHelper helper = new KieHelper();
        helper.setClassLoader(RuleBases.class.getClassLoader());
        for (Resource r : resources(sources)) {
            helper.addResource(r, ResourceType.DRL);
        }
        return helper;
    }

    private static List<Resource> resources(List<DrlSource> sources) {
        List<Resource> out = new ArrayList<>();
        int i = 0;
        for (DrlSource s : sources) {
            Resource r = ResourceFactory.newByteArrayResource(s.text().getBytes(StandardCharsets.UTF_8));
            r.setSourcePath(sourcePath(s.name(), i++));
            r.setResourceType(ResourceType.DRL);
            out.add(r);
        }
        return out;
    }

    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    private static String sourcePath(String name, int i) {
        String safe = name.replace('\\', '/').replaceAll("^[./]+", "").replaceAll("[^A-Za-z0-9_./-]", "_");
        if (!safe.endsWith(".drl")) {
            safe = safe + ".drl";
        }
        String path = "src/main/resources/" + safe;
        NAMES.put(path, name);
        return path;
    }

    private static List<RuleProblem> problems(Results results) {
        List<RuleProblem> out = new ArrayList<>();
        for (Message m : results.getMessages(Message.Level.ERROR)) {
            String path = m.getPath() == null ? "" : m.getPath();
            String file = NAMES.getOrDefault(path, path.replaceFirst("^src/main/resources/", ""));
            out.add(new RuleProblem(file, Math.max(0, m.getLine()), Math.max(0, m.getColumn()),
                    m.getText() == null ? "" : m.getText().strip()));
        }
        return out;
    }

    private static String key(List<DrlSource> extra) {
        if (extra.isEmpty()) {
            return "built-in";
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (DrlSource s : extra) {
                md.update(s.name().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(s.text().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
