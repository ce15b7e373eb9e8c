package dev.switchman.core.runbook;

import dev.switchman.core.yaml.LoadResult;
import dev.switchman.core.yaml.LocatedYaml;
import dev.switchman.core.yaml.Problem;
import dev.switchman.core.yaml.Problems;
import dev.switchman.core.yaml.SourceLocation;
import dev.switchman.core.yaml.YamlMap;
import dev.switchman.core.yaml.YamlNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The runbooks a bot offers: every runbook file of a directory tree and/or of the class path, by id.
 *
 * <p><b>Runbook files</b> are named {@code runbook.yaml} (one per folder, with its rules and scenarios
 * beside it) or {@code <anything>.runbook.yaml}; any other {@code .yaml}/{@code .yml} file is a runbook
 * when it has a top-level {@code phases:} key (scenarios and other YAML files beside it are skipped).
 *
 * <p><b>Class-path contract (bundled runbooks).</b> The application packages the project's
 * {@code runbooks/} folder under the class-path prefix {@value #CLASSPATH_PREFIX} together with an index,
 * {@value #INDEX}: a UTF-8 text file listing files relative to {@code runbooks/}, one per line, using
 * {@code /} as separator (for example {@code hello-cutover/runbook.yaml}). Blank lines and lines starting
 * with {@code #} are ignored; absolute paths and {@code ..} segments are errors. The index may list
 * every file (rules, scenarios); this catalog loads the YAML entries that are runbooks, and checks a
 * runbook's {@code rules:} paths against class-path resources relative to it. A runbook loaded from the
 * class path has {@link Runbook#source()} {@code classpath:runbooks/<path>}; its rule files are the
 * resources {@code runbooks/<folder>/<rule>}. No index on the class path means no bundled runbooks.
 *
 * <p>Runbooks with errors are left out, their problems kept in {@link #problems()}. Two files declaring
 * the same id is an error naming both files; the first one found stays.
 */
public final class RunbookCatalog {

    public static final String CLASSPATH_PREFIX = "runbooks/";
    public static final String INDEX = "runbooks/index.txt";
    public static final String CLASSPATH_SCHEME = "classpath:";

    private final Map<String, Runbook> byId;
    private final List<Problem> problems;

    private RunbookCatalog(Map<String, Runbook> byId, List<Problem> problems) {
        this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Problem.BY_POSITION);
        this.problems = List.copyOf(sorted);
    }

    /** Every runbook file under {@code dir}. */
    public static RunbookCatalog of(Path dir, RunbookLoader loader) {
        return builder(loader).addDirectory(dir).build();
    }

    /** The runbooks bundled on the class path ({@value #INDEX}). */
    public static RunbookCatalog ofClasspath(ClassLoader classLoader, RunbookLoader loader) {
        return builder(loader).addClasspath(classLoader).build();
    }

    public static Builder builder(RunbookLoader loader) {
        return new Builder(loader);
    }

    private static final Pattern PHASES_KEY = Pattern.compile("(?m)^phases[ \\t]*:");

    /** Whether a file name is a runbook file by its name alone: {@code runbook.yaml} or {@code *.runbook.yaml}. */
    public static boolean isRunbookFile(String fileName) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1);
        return name.equals("runbook.yaml") || name.endsWith(".runbook.yaml");
    }

    /** Whether a YAML file might be a runbook, so its text should be looked at ({@link #looksLikeRunbook}). */
    public static boolean isYamlFile(String fileName) {
        return fileName.endsWith(".yaml") || fileName.endsWith(".yml");
    }

    /**
     * Whether a file is a runbook: named like one ({@link #isRunbookFile}), or a YAML file whose text has
     * a top-level {@code phases:} key.
     */
    public static boolean looksLikeRunbook(String fileName, String text) {
        return isRunbookFile(fileName) || isYamlFile(fileName) && text != null && PHASES_KEY.matcher(text).find();
    }

    public Optional<Runbook> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** All runbooks, in the order found (directories walked in name order, then the index's order). */
    public Collection<Runbook> all() {
        return byId.values();
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** Every problem of every file, errors and warnings. */
    public List<Problem> problems() {
        return problems;
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** Collects runbooks from several places; ids must be unique across all of them. */
    public static final class Builder {
        private final RunbookLoader loader;
        private final Map<String, Runbook> byId = new LinkedHashMap<>();
        private final Problems problems = new Problems();

        private Builder(RunbookLoader loader) {
            this.loader = loader;
        }

        /** Adds every runbook file of the tree, in path order. A missing directory is an error. */
        public Builder addDirectory(Path dir) {
            if (!Files.isDirectory(dir)) {
                problems.error(new SourceLocation(dir.toString(), 0, 0), "no such directory; expected a folder of runbooks");
                return this;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(p -> isYamlFile(p.getFileName().toString()))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (isRunbookFile(name) || looksLikeRunbook(name, readQuietly(file))) {
                    add(loader.read(file), () -> readQuietly(file));
                }
            }
            return this;
        }

        /** Adds the runbooks listed in {@value #INDEX} on the class path; none when there is no index. */
        public Builder addClasspath(ClassLoader classLoader) {
            List<String> lines;
            try (InputStream in = classLoader.getResourceAsStream(INDEX)) {
                if (in == null) {
                    return this;
                }
                lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String indexName = CLASSPATH_SCHEME + INDEX;
            for (int i = 0; i < lines.size(); i++) {
                String entry = lines.get(i).trim();
                if (entry.isEmpty() || entry.startsWith("#") || !isYamlFile(entry)) {
                    continue;
                }
                SourceLocation at = new SourceLocation(indexName, i + 1, 1);
                if (entry.startsWith("/") || entry.contains("\\") || List.of(entry.split("/")).contains("..")) {
                    problems.error(at, "expected a path relative to runbooks/ using '/', without '..', got '" + entry + "'");
                    continue;
                }
                String resource = CLASSPATH_PREFIX + entry;
                String text = readResource(classLoader, resource);
                if (text == null) {
                    problems.error(at, "listed file '" + entry + "' is not on the class path (expected resource " + resource + ")");
                    continue;
                }
                if (!looksLikeRunbook(entry, text)) {
                    continue;
                }
                String folder = resource.substring(0, resource.lastIndexOf('/') + 1);
                LoadResult<Runbook> r = loader.read(CLASSPATH_SCHEME + resource, new StringReader(text),
                        rule -> classLoader.getResource(normalize(folder + rule)) != null);
                add(r, () -> text);
            }
            return this;
        }

        public RunbookCatalog build() {
            return new RunbookCatalog(byId, problems.all());
        }

        private void add(LoadResult<Runbook> result, Supplier<String> text) {
            problems.addAll(result.problems());
            Runbook rb = result.value();
            if (rb == null) {
                return;
            }
            Runbook first = byId.get(rb.id());
            if (first == null) {
                byId.put(rb.id(), rb);
                return;
            }
            problems.error(idLocation(rb.source(), text.get()), "duplicate runbook id '" + rb.id() + "': defined in " + first.source()
                    + " and in " + rb.source() + "; expected each runbook to have its own id (kept the one in " + first.source() + ")");
        }

        private static SourceLocation idLocation(String source, String text) {
            if (text != null) {
                YamlNode root = LocatedYaml.parse(source, text, new Problems());
                if (root instanceof YamlMap m && m.get("id").isPresent()) {
                    return m.get("id").get().location();
                }
            }
            return new SourceLocation(source, 1, 1);
        }

        private static String readQuietly(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return null;
            }
        }

        private static String readResource(ClassLoader cl, String resource) {
            try (InputStream in = cl.getResourceAsStream(resource)) {
                return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** Resolves {@code .} and {@code ..} segments of a '/'-separated resource path. */
    static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.removeLast();
                }
            } else {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }
}
