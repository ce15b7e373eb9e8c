package dev.switchman.checks.net;

import com.google.common.net.InetAddresses;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Checks that talk to a host check it on every address it has (A and AAAA), in parallel, and report
 * per address: the combined result has the worst status (FAIL > ERROR > UNKNOWN > WARN > PASS), the
 * observations of the first address with that status, and an {@code addresses} list with one entry per
 * address ({@code address}, {@code status}, {@code message}, and {@code observations}: that address's own).
 * The message names every address whose status differs from the best one.
 */
public final class PerAddress {

    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "switchman-per-address");
        t.setDaemon(true);
        return t;
    });

    private PerAddress() {
    }

    /** Runs {@code check} on each address in parallel and combines the results (input order kept). */
    public static CheckResult run(CheckRequest request, String target, List<InetAddress> addresses, Function<InetAddress, CheckResult> check) {
        List<CheckResult> results;
        if (addresses.size() == 1) {
            results = List.of(check.apply(addresses.get(0)));
        } else {
            List<CompletableFuture<CheckResult>> each = new ArrayList<>();
            for (InetAddress a : addresses) {
                each.add(CompletableFuture.supplyAsync(() -> check.apply(a), POOL));
            }
            results = each.stream().map(CompletableFuture::join).toList();
        }
        List<String> names = addresses.stream().map(InetAddresses::toAddrString).toList();
        return combine(request, target, names, results);
    }

    /** The combined result of one result per address ({@code addresses} and {@code results} in the same order). */
    public static CheckResult combine(CheckRequest request, String target, List<String> addresses, List<CheckResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no result to combine");
        }
        CheckStatus worst = CheckStatus.PASS;
        CheckStatus best = CheckStatus.FAIL;
        for (CheckResult r : results) {
            worst = worst.worst(r.status());
            if (best.worst(r.status()) == best) {
                best = r.status(); // r is no worse than the best so far
            }
        }
        CheckStatus worstStatus = worst;
        CheckResult shown = results.stream().filter(r -> r.status() == worstStatus).findFirst().orElseThrow();
        List<Map<String, Object>> per = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            CheckResult r = results.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("address", addresses.get(i));
            m.put("status", r.status().name());
            m.put("message", r.message());
            Map<String, Object> own = new LinkedHashMap<>(r.observations());
            own.remove("addresses");
            own.remove("address");
            m.put("observations", own);
            per.add(m);
        }
        Map<String, Object> obs = new LinkedHashMap<>(shown.observations());
        obs.put("addresses", per);
        String message;
        if (results.size() == 1) {
            message = shown.message();
        } else if (worst == best) {
            message = "all " + results.size() + " addresses " + String.join(", ", addresses) + ": " + shown.message();
        } else {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).status() != best) {
                    parts.add(addresses.get(i) + " " + results.get(i).status() + ": " + results.get(i).message());
                }
            }
            List<String> fine = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).status() == best) {
                    fine.add(addresses.get(i));
                }
            }
            message = "addresses differ: " + String.join("; ", parts) + "; " + String.join(", ", fine) + " " + best;
        }
        return request.result(worst, target, message, obs);
    }
}
