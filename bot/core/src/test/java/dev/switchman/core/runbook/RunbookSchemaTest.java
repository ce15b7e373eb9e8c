package dev.switchman.core.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.switchman.core.yaml.LoadResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every runbook shipped under runbooks/ matches docs/runbook.schema.json and loads without errors. */
class RunbookSchemaTest {

    private static final Path ROOT = ProjectRoot.find();

    private static JsonSchema schema() throws IOException {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        return factory.getSchema(Files.readString(ROOT.resolve("docs/runbook.schema.json")));
    }

    private static List<Path> shippedRunbooks() throws IOException {
        try (Stream<Path> walk = Files.walk(ROOT.resolve("runbooks"))) {
            return walk.filter(p -> RunbookCatalog.looksLikeRunbook(p.getFileName().toString(), read(p))).sorted().toList();
        }
    }

    private static String read(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.readString(p) : null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void shippedRunbooksMatchTheSchema() throws IOException {
        JsonSchema schema = schema();
        List<Path> files = shippedRunbooks();
        assertFalse(files.isEmpty(), "no runbooks under " + ROOT.resolve("runbooks"));
        for (Path file : files) {
            JsonNode doc = new YAMLMapper().readTree(file.toFile());
            Set<ValidationMessage> messages = schema.validate(doc);
            assertTrue(messages.isEmpty(), file + ": " + messages);
        }
    }

    @Test
    void shippedRunbooksLoadWithoutErrors() throws IOException {
        for (Path file : shippedRunbooks()) {
            LoadResult<Runbook> r = RunbookLoader.withoutProviders().read(file);
            assertEquals(List.of(), r.errors(), file.toString());
            assertTrue(r.ok());
        }
    }

    @Test
    void schemaRejectsWhatTheLoaderRejects() throws IOException {
        JsonSchema schema = schema();
        String[] bad = {
            "id: x\ntitle: t\nphases: [{id: p, steps: [{id: s, do: x}]}]\ntitel: oops\n",
            "id: x\ntitle: t\nphases: [{id: p, steps: [{id: s, do: x, verify: [c]}]}]\n",
            "id: x\ntitle: t\nphases: [{id: p, steps: [{id: s, wait: {duration: 5m, until: '2026-11-22T10:00:00Z'}}]}]\n",
            "id: x\ntitle: t\nphases: [{id: p, steps: [{id: s, wait: {duration: -5m}}]}]\n",
            "id: Bad_Id\ntitle: t\nphases: [{id: p, steps: [{id: s, do: x}]}]\n",
            "id: x\ntitle: t\nchecks: [{id: c, kind: dns.ttl, interval: abc}]\nphases: [{id: p, steps: [{id: s, do: x}]}]\n",
        };
        for (String yaml : bad) {
            assertFalse(schema.validate(new YAMLMapper().readTree(yaml)).isEmpty(), yaml);
            assertFalse(RunbookLoader.withoutProviders().read("bad.yaml", yaml).ok(), yaml);
        }
        String good = "id: x\ntitle: t\nphases:\n  - id: p\n    steps:\n      - id: s\n        gate:\n";
        assertEquals(Set.of(), schema.validate(new YAMLMapper().readTree(good)));
        assertEquals(List.of(), RunbookLoader.withoutProviders().read("good.yaml", good).problems());
    }
}
