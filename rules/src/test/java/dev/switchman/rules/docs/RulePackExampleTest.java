package dev.switchman.rules.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchman.core.testing.DocSnippets;
import dev.switchman.rules.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The smallest pack of docs/rule-packs.md compiles with the engine's own validation and matches its page. */
class RulePackExampleTest {

    @Test
    void theSmallestPackCompilesAndMatchesItsPage() throws Exception {
        assertEquals(1, DocSnippets.assertCompiled("rule-packs.md"));
        assertEquals(List.of(), Fixture.ENGINE.validateRules(
                DocSnippets.root().resolve("rules/src/test/resources/docs/acme/rules/queue.drl")));
    }
}
