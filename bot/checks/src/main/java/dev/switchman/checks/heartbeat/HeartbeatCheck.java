package dev.switchman.checks.heartbeat;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.check.ParamSpec;
import dev.switchman.core.http.HttpEndpoint;
import dev.switchman.core.secret.Secrets;
import dev.switchman.core.time.Durations;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code heartbeat}: a cron job or queue worker pings {@code /ping/<check-id>} on {@code switchman serve}
 * ({@link PingEndpoint}) and this check says whether it is on time, in the manner of healthchecks.io:
 * either every {@code period} plus {@code grace}, or on a {@code cron} schedule (5 fields, Unix) in an
 * explicit time zone {@code tz} plus {@code grace} (the schedule is evaluated in that zone by cron-utils,
 * so a DST change moves the expected time with the wall clock instead of raising a false alarm).
 *
 * <p>PASS when the last success is on time ({@code state} up, or late but within grace: WARN); FAIL
 * when it is overdue ({@code state} down, {@code missed} the periods or runs missed, naming when it was
 * last seen) or the job's last signal was {@code /fail}; WARN while no ping has come since the bot started
 * and one period (or run) plus grace has not passed yet (state new: not late, not confirmed either).
 * Observations: {@code state}, {@code missed}, {@code last-seen} and {@code last-ping} (ISO-8601, empty
 * when never), {@code overdue-s}.
 */
public final class HeartbeatCheck implements CheckProvider {

    public static final String KIND = "heartbeat";
    /** Every ping must carry this key when it is set (header {@code X-Switchman-Ping-Key} or {@code ?key=}). */
    public static final String KEY_VARIABLE = "SWITCHMAN_PING_KEY";
    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final PingBook book;
    private final PingEndpoint endpoint;

    public HeartbeatCheck() {
        this(Clock.systemUTC(), System::getenv);
    }

    /** With the clock pings are stamped by and {@code env} for {@value #KEY_VARIABLE}. */
    public HeartbeatCheck(Clock clock, Function<String, String> env) {
        this.book = new PingBook(clock);
        String key = env.apply(KEY_VARIABLE);
        Secrets.register(key);
        this.endpoint = new PingEndpoint(book, key);
    }

    /** The pings this provider has received (tests, the status page). */
    public PingBook book() {
        return book;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String summary() {
        return "A cron job or worker pings /ping/<check-id> on switchman serve every period (or on a cron schedule in a time zone), plus grace";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.optional("period", null, "how often the job pings (1h, 1d); or give cron"),
                ParamSpec.optional("cron", null, "the job's schedule, 5 fields (0 2 * * *); with tz"),
                ParamSpec.optional("tz", null, "the schedule's time zone (Europe/Berlin); required with cron"),
                ParamSpec.optional("grace", "1h", "how late a ping may be before the job counts as down"),
                ParamSpec.optional("job", null, "the job's name, for messages (nightly-invoices)"));
    }

    @Override
    public List<HttpEndpoint> endpoints() {
        return List.of(endpoint);
    }

    @Override
    public List<String> validate(Map<String, String> params) {
        List<String> problems = new ArrayList<>(CheckProvider.super.validate(params));
        boolean period = present(params, "period");
        boolean cron = present(params, "cron");
        if (period == cron) {
            problems.add("give either 'period' (1d) or 'cron' with 'tz' (0 2 * * * in Europe/Berlin), not " + (period ? "both" : "neither"));
        }
        duration(params, "period").ifPresent(problems::add);
        duration(params, "grace").ifPresent(problems::add);
        if (cron) {
            try {
                CRON.parse(params.get("cron").trim()).validate();
            } catch (IllegalArgumentException e) {
                problems.add("parameter 'cron': '" + params.get("cron") + "' is not a 5-field cron schedule (minute hour day month weekday): " + e.getMessage());
            }
            if (!present(params, "tz")) {
                problems.add("parameter 'tz' is required with 'cron' (the schedule's time zone, such as Europe/Berlin or UTC): a server's zone is not a schedule's");
            }
        }
        if (present(params, "tz")) {
            try {
                ZoneId.of(params.get("tz").trim());
            } catch (DateTimeException e) {
                problems.add("parameter 'tz': '" + params.get("tz") + "' is not a time zone (expected a region such as Europe/Berlin, or UTC)");
            }
        }
        return problems;
    }

    private static Optional<String> duration(Map<String, String> params, String name) {
        if (!present(params, name)) {
            return Optional.empty();
        }
        try {
            Duration d = Durations.parse(params.get(name).trim());
            return d.isNegative() || (d.isZero() && name.equals("period"))
                    ? Optional.of("parameter '" + name + "': must be positive") : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("parameter '" + name + "': '" + params.get(name) + "' is not a duration (expected 30m, 1h, 1d)");
        }
    }

    private static boolean present(Map<String, String> params, String name) {
        return params.get(name) != null && !params.get(name).isBlank();
    }

    @Override
    public CheckResult run(CheckRequest request) {
        Instant now = request.clock().instant();
        String id = request.checkId();
        String job = present(request.params(), "job") ? request.param("job").trim() : id;
        Duration grace = Durations.parse(request.param("grace", "1h").trim());
        Optional<PingBook.Pings> got = book.get(id);
        Instant lastSuccess = got.map(PingBook.Pings::lastSuccess).orElse(null);
        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("last-seen", lastSuccess == null ? "" : lastSuccess.toString());
        obs.put("last-ping", got.map(PingBook.Pings::latest).map(Instant::toString).orElse(""));
        String target = "/ping/" + id;
        if (got.isPresent() && got.get().lastFailure() != null && got.get().lastFailure().equals(got.get().latest())) {
            obs.put("state", "failed");
            obs.put("missed", 0);
            return request.result(CheckStatus.FAIL, target, job + " reported a failure (/fail) at " + got.get().lastFailure()
                    + lastSeen(lastSuccess), obs);
        }
        Instant from = lastSuccess != null ? lastSuccess : book.since();
        Instant due;
        long missed;
        String schedule;
        if (present(request.params(), "cron")) {
            ZoneId zone = ZoneId.of(request.param("tz").trim());
            Cron cron = CRON.parse(request.param("cron").trim());
            ExecutionTime times = ExecutionTime.forCron(cron);
            schedule = "cron " + request.param("cron").trim() + " " + zone;
            // the first scheduled run after the last success (or after listening began) is the one owed
            ZonedDateTime fromZ = from.atZone(zone);
            Optional<ZonedDateTime> next = nextRun(times, fromZ, times.lastExecution(fromZ).map(ZonedDateTime::toLocalDateTime).orElse(null));
            due = next.map(z -> z.toInstant().plus(grace)).orElse(Instant.MAX);
            missed = 0;
            while (next.isPresent() && !next.get().toInstant().plus(grace).isAfter(now) && missed < 1000) {
                missed++;
                next = nextRun(times, next.get(), next.get().toLocalDateTime());
            }
        } else {
            Duration period = Durations.parse(request.param("period").trim());
            schedule = "every " + Durations.format(period);
            due = from.plus(period).plus(grace);
            missed = now.isBefore(due) ? 0 : 1 + Duration.between(due, now).toMillis() / period.toMillis();
        }
        obs.put("missed", missed);
        if (now.isBefore(due)) {
            obs.put("overdue-s", 0);
            if (lastSuccess == null) {
                // not PASS (nothing confirmed the job runs) and not UNKNOWN either: the check knows the job is not
                // late yet, and a daily job must not leave a run "blind" (on HOLD) for a day after every restart
                obs.put("state", "new");
                return request.result(CheckStatus.WARN, target, "no ping from " + job + " yet since " + book.since()
                        + " (" + schedule + ", grace " + Durations.format(grace) + "); it is not overdue before " + due, obs);
            }
            boolean late = now.isAfter(due.minus(grace));
            obs.put("state", late ? "late" : "up");
            return request.result(late ? CheckStatus.WARN : CheckStatus.PASS, target, job + " pinged at " + lastSuccess
                    + (late ? ", late (" + schedule + "), within its grace until " + due : " (" + schedule + ")"), obs);
        }
        obs.put("state", "down");
        obs.put("overdue-s", Duration.between(due, now).toSeconds());
        return request.result(CheckStatus.FAIL, target, job + " missed " + missed + (missed == 1 ? " run" : " runs") + " (" + schedule
                + ", grace " + Durations.format(grace) + ")" + (lastSuccess == null ? "; no ping since " + book.since() : lastSeen(lastSuccess)), obs);
    }

    /**
     * The next scheduled run after {@code t} whose wall time differs from {@code seen}: when a DST change
     * repeats an hour, cron runs a job once, at the first occurrence (Vixie cron, cronie), while the
     * schedule library lists both occurrences; the second is not a run that is owed.
     */
    private static Optional<ZonedDateTime> nextRun(ExecutionTime times, ZonedDateTime t, java.time.LocalDateTime seen) {
        Optional<ZonedDateTime> n = times.nextExecution(t);
        while (n.isPresent() && seen != null && n.get().toLocalDateTime().equals(seen)) {
            n = times.nextExecution(n.get());
        }
        return n;
    }

    private static String lastSeen(Instant lastSuccess) {
        return lastSuccess == null ? "; never seen succeeding" : "; last seen " + lastSuccess;
    }
}
