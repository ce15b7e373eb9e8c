package dev.switchman.core.yaml;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocatedYamlTest {

    @Test
    void givesEveryNodeItsLineAndColumn() {
        Problems problems = new Problems();
        YamlNode root = LocatedYaml.parse("a.yaml", """
                id: x
                items:
                  - name: one
                    n: 3
                  - two
                """, problems);
        assertTrue(problems.isEmpty(), problems.all()::toString);
        YamlMap map = assertInstanceOf(YamlMap.class, root);
        assertEquals("a.yaml:1:1", map.location().toString());
        assertEquals("a.yaml:1:5", map.get("id").orElseThrow().location().toString());
        YamlList items = assertInstanceOf(YamlList.class, map.get("items").orElseThrow());
        YamlMap first = assertInstanceOf(YamlMap.class, items.items().get(0));
        assertEquals("a.yaml:3:5", first.location().toString());
        assertEquals("a.yaml:4:5", first.entry("n").orElseThrow().keyLocation().toString());
        YamlScalar n = assertInstanceOf(YamlScalar.class, first.get("n").orElseThrow());
        assertEquals(YamlScalar.Type.NUMBER, n.type());
        assertEquals("a.yaml:5:5", items.items().get(1).location().toString());
    }

    @Test
    void reportsSyntaxErrorWithLineAndColumn() {
        Problems problems = new Problems();
        YamlNode root = LocatedYaml.parse("bad.yaml", """
                id: x
                title: [unclosed
                other: 1
                """, problems);
        assertNull(root);
        Problem p = problems.all().get(0);
        assertEquals("bad.yaml", p.file());
        assertEquals(3, p.line());
        assertEquals(6, p.column());
        assertTrue(p.message().startsWith("invalid YAML: "), p.message());
        assertTrue(p.toString().startsWith("bad.yaml:3:6: error: invalid YAML: "), p.toString());
    }

    @Test
    void reportsDuplicateKeyAtTheSecondOne() {
        Problems problems = new Problems();
        LocatedYaml.parse("d.yaml", "id: a\ntitle: t\nid: b\n", problems);
        assertEquals("d.yaml:3:1: error: duplicate key 'id' (first at line 1); a key may appear once in a mapping",
                problems.all().get(0).toString());
    }

    @Test
    void rejectsAliasesOnce() {
        Problems problems = new Problems();
        LocatedYaml.parse("a.yaml", "x: &v 1\ny: *v\n", problems);
        assertEquals("[a.yaml:2:4: error: YAML aliases (*v) are not supported; write the value out]", problems.all().toString());
    }

    @Test
    void rejectsASecondDocument() {
        Problems problems = new Problems();
        LocatedYaml.parse("a.yaml", "x: 1\n---\ny: 2\n", problems);
        assertEquals("[a.yaml:3:1: error: expected one YAML document, found a second one (remove the '---' separator)]", problems.all().toString());
    }

    @Test
    void reportsEmptyFile() {
        Problems problems = new Problems();
        assertNull(LocatedYaml.parse("e.yaml", "# nothing\n", problems));
        assertEquals("e.yaml:1:1: error: the file is empty; expected a YAML mapping", problems.all().get(0).toString());
    }

    @Test
    void rejectsUnknownKeyWithSuggestion() {
        Problems problems = new Problems();
        StrictMap m = StrictMap.of(LocatedYaml.parse("s.yaml", "id: a\nintervall: 5m\n", problems), "check", problems);
        m.requiredId("id");
        assertEquals(Duration.ofMinutes(1), m.optionalDuration("interval", Duration.ofMinutes(1)));
        m.optionalBoolean("blocking", true);
        m.finish();
        assertEquals(1, problems.all().size());
        assertEquals("s.yaml:2:1: error: unknown key 'intervall' in check; did you mean 'interval'?", problems.all().get(0).toString());
    }

    @Test
    void listsKnownKeysWhenNothingIsClose() {
        Problems problems = new Problems();
        StrictMap m = StrictMap.of(LocatedYaml.parse("s.yaml", "id: a\nzzz: 1\n", problems), "check", problems);
        m.requiredId("id");
        m.optionalString("kind", null);
        m.finish();
        assertEquals("s.yaml:2:1: error: unknown key 'zzz' in check; expected one of: id, kind", problems.all().get(0).toString());
    }

    @Test
    void reportsWrongTypesWithWhatWasExpected() {
        Problems problems = new Problems();
        StrictMap m = StrictMap.of(LocatedYaml.parse("s.yaml", "a: abc\nb: [1]\nc: 3\nd: -5m\n", problems), "x", problems);
        m.optionalDuration("a", null);
        m.optionalBoolean("b", false);
        m.optionalList("c");
        m.optionalDuration("d", null);
        m.finish();
        assertEquals(
                "[s.yaml:1:4: error: a: expected a duration such as 90s, 5m or 2h30m, got 'abc', "
                        + "s.yaml:2:4: error: b: expected true or false, got a list, "
                        + "s.yaml:3:4: error: c: expected a list, got 3, "
                        + "s.yaml:4:4: error: d: expected a positive duration such as 90s or 5m, got '-5m']",
                problems.all().toString());
    }

    @Test
    void reportsMissingRequiredKeyAtTheMapping() {
        Problems problems = new Problems();
        StrictMap m = StrictMap.of(LocatedYaml.parse("s.yaml", "x: 1\nthing:\n  other: 2\n", problems), "top", problems);
        m.allow("x");
        StrictMap thing = m.optionalMap("thing", "thing");
        assertNull(thing.requiredString("name"));
        thing.allow("other");
        thing.finish();
        m.finish();
        assertEquals("[s.yaml:3:3: error: missing required key 'name' in thing]", problems.all().toString());
    }

    @Test
    void reportsNonMappingOnce() {
        Problems problems = new Problems();
        StrictMap m = StrictMap.of(LocatedYaml.parse("s.yaml", "- a\n- b\n", problems), "the runbook", problems);
        assertFalse(m.isMap());
        assertNull(m.requiredString("id"));
        m.finish();
        assertEquals("[s.yaml:1:1: error: the runbook: expected a mapping, got a list]", problems.all().toString());
    }

    @Test
    void readsTypedValues() {
        Problems problems = new Problems();
        StrictMap m = StrictMap.of(LocatedYaml.parse("v.yaml", """
                at: 2026-11-22T11:00:00+01:00
                speed: 60
                flag: false
                names: [a, b]
                env: {A: 1, B: x}
                empty:
                """, problems), "thing", problems);
        assertEquals(java.time.Instant.parse("2026-11-22T10:00:00Z"), m.optionalInstant("at"));
        assertEquals(60.0, m.optionalNumber("speed", 1.0));
        assertFalse(m.optionalBoolean("flag", true));
        assertEquals(java.util.List.of("a", "b"), m.optionalStringList("names"));
        assertEquals(java.util.Map.of("A", "1", "B", "x"), m.optionalStringMap("env"));
        assertEquals("fallback", m.optionalString("empty", "fallback"), "a key with no value counts as absent");
        m.finish();
        assertTrue(problems.isEmpty(), problems.all()::toString);
    }

    @Test
    void treatsOnlyTrueAndFalseAsBooleans() {
        Problems problems = new Problems();
        StrictMap m = StrictMap.of(LocatedYaml.parse("b.yaml", "a: yes\nb: True\nc: 'true'\n", problems), "thing", problems);
        assertTrue(m.optionalBoolean("b", false));
        m.optionalBoolean("a", false);
        m.optionalBoolean("c", false);
        m.finish();
        assertEquals("[b.yaml:1:4: error: a: expected true or false, got 'yes', b.yaml:3:4: error: c: expected true or false, got 'true']",
                problems.all().toString());
    }
}
