package dev.switchman.checks.tls;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.check.ParamSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceRegistrationTest {

    @Test
    void tlsHttpAndSshKindsAreFoundThroughTheServiceLoader() {
        CheckProviders providers = CheckProviders.load();
        for (String kind : List.of("tls.certificate", "http.probe", "access.ssh")) {
            CheckProvider p = providers.find(kind).orElseThrow(() -> new AssertionError(kind + " not registered in META-INF/services"));
            assertTrue(!p.summary().isBlank());
            assertTrue(p.parameters().stream().anyMatch(ParamSpec::required), kind + " declares its required parameters");
        }
    }
}
