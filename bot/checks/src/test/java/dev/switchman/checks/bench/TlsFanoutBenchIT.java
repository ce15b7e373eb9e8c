package dev.switchman.checks.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TlsFanoutBenchIT {

    @Test
    void everyHostOfAParallelFanOutPasses() throws Exception {
        Map<String, Object> r = TlsFanoutBench.run(20, 2, 8);
        System.out.println("TlsFanoutBench 20 hosts: " + r);
        assertEquals(20L, r.get("pass"), r.toString());
    }
}
