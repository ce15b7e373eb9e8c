package dev.switchman.app.logging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.Logger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The app's logback configuration masks secrets in messages and in stack traces. */
class RedactedLogTest {

    @Test
    void logLinesAndStackTracesNeverShowSecrets() throws Exception {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        LoggerContext ctx = new LoggerContext();
        ctx.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        try {
            JoranConfigurator c = new JoranConfigurator();
            c.setContext(ctx);
            c.doConfigure(RedactedLogTest.class.getResource("/logback-spring.xml"));
            Logger log = ctx.getLogger("test");
            log.error("cannot reach https://deploy:Log-Secret-1@127.0.0.1:9/x with xoxb-1234-5678-LogSecret2",
                    new IllegalStateException("wrapped", new RuntimeException("jdbc:postgresql://db/x?sslpassword=Log-Secret-3")));
        } finally {
            ctx.stop();
            System.setErr(old);
        }
        String logs = buf.toString(StandardCharsets.UTF_8);
        assertTrue(logs.contains("cannot reach https://deploy:***@127.0.0.1:9/x") && logs.contains("sslpassword=***"), logs);
        assertTrue(logs.contains("at dev.switchman.app.logging.RedactedLogTest"), "the stack trace is still logged:\n" + logs);
        for (String secret : new String[] {"Log-Secret-1", "LogSecret2", "Log-Secret-3"}) {
            assertFalse(logs.contains(secret), secret + " in\n" + logs);
        }
    }
}
