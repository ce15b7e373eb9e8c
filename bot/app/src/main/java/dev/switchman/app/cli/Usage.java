package dev.switchman.app.cli;

/** Help texts; docs/cli.md says the same at more length. */
public final class Usage {

    private Usage() {
    }

    public static final String MAIN = """
            usage: switchman [--as USER] [--runbooks DIR]...      interactive console bot
                   switchman console [--as USER] [--runbooks DIR]... [--script FILE|-]
                   switchman validate FILE...                      runbooks, scenarios, rule files
                   switchman probe KIND key=value... [--resolver host:port]... [--timeout 10s] [--format json]
                   switchman probe --batch [--parallel 32] [--resolver host:port]... [--timeout 10s] [--format json]
                                                                   one {"kind":..,"params":{..}} per stdin line
                   switchman probe --list [--format json]          check kinds and their parameters
                   switchman check RUNBOOK [--check ID] [--resolver host:port]... [--timeout 10s] [--format json] [--runbooks DIR]...
                   switchman rehearse SCENARIO [--report DIR] [--format json]
                   switchman record RUN-ID --out FILE [--runbook FILE]
                   switchman bench rules|replay|dns|spf|parity|chat [--repeat N] [--peer PEER] [--format json]
                   switchman serve [--runbooks DIR]...             Slack/Discord backends + HTTP
                   switchman doctor                                check the chat backends' settings and connections
                   switchman agent --name NAME --bot URL

            Every subcommand takes --help; --debug anywhere shows stack traces (a failure is otherwise one sentence).
            Exit codes: 0 ok; 1 errors in the input, bad usage or a FAILed
            check; 2 the subcommand is not in this build; 3 a check could not be measured (ERROR/UNKNOWN).
            Environment: SWITCHMAN_HOME (default ~/.switchman), SWITCHMAN_DB_URL (default H2 file in SWITCHMAN_HOME),
            SWITCHMAN_DB_USER and SWITCHMAN_DB_PASSWORD (given to the database driver, never printed).""";

    public static final String CONSOLE = """
            usage: switchman [console] [--as USER] [--runbooks DIR]... [--script FILE|-]
              The console bot: type the chat commands (help lists them). You act as console:<USER>
              (default: your OS user name). --script reads commands from FILE (or stdin for -), one per
              line, prints the replies without colours and exits at the end of the input.""";

    public static final String VALIDATE = """
            usage: switchman validate FILE...
              Checks runbooks (.yaml), scenarios (.yaml with a timeline) and rule files (.drl).
              Prints each problem as file:line:col: error: message and exits 1 if there is any error,
              else prints one summary line and exits 0.""";

    public static final String PROBE = """
            usage: switchman probe KIND key=value... [--resolver host:port]... [--timeout 10s] [--format json]
                   switchman probe --batch [--parallel 32] [--resolver host:port]... [--timeout 10s] [--format json]
                   switchman probe --list [--format json]
              Runs one check provider ad hoc. Prints one line per result (with --format json one object:
              check, kind, target, status, observations, message, observed-at, duration-ms).
              --batch reads one {"kind":"...","params":{...}} (optional "id", "timeout") per stdin line and
              prints one result per line in the same order, each as soon as it and those before it are
              done (flushed; a feeder may write one line at a time); at most --parallel checks (1-1024,
              default 32) run at once. --resolver (repeatable) points DNS lookups at the given servers;
              --timeout bounds each check (a check over it is UNKNOWN).
              Exit: 0 PASS/WARN, 1 FAIL (or bad input), 3 ERROR/UNKNOWN; batch: 1 if any FAIL, else 3 if any
              ERROR/UNKNOWN, else 0.""";

    public static final String CHECK = """
            usage: switchman check RUNBOOK [--check ID] [--resolver host:port]... [--timeout 10s] [--format json] [--runbooks DIR]...
              Runs a runbook's declared checks once (or only --check ID). RUNBOOK is a file or a runbook id.
              Each check has its own timeout (the runbook's, else 10s); --timeout replaces it for every check.
              --resolver points DNS lookups at the given servers (checks that name resolvers keep theirs).
              Exit: 1 if any FAIL, else 3 if any ERROR/UNKNOWN, else 0.""";

    public static final String REHEARSE = """
            usage: switchman rehearse SCENARIO [--report DIR] [--format json]
              Replays a scenario on a virtual clock with the real engine and rules. Exit 0 iff every
              expectation holds, 1 if one fails, 2 if the scenario is invalid or missing (its problems are printed).
              --report DIR writes report.json, report.md and report.html (SVG timeline).""";

    public static final String RECORD = """
            usage: switchman record RUN-ID --out FILE [--runbook FILE]
              Exports a run from the event store (SWITCHMAN_DB_URL) as a rehearsal scenario.""";

    public static final String BENCH = """
            usage: switchman bench rules [--results 1000000] [--repeat N] [--format json]
                   switchman bench replay [--hours 72] [--checks 50] [--interval 10s] [--repeat N] [--format json]
                   switchman bench dns [--names 100] [--resolvers 20] [--in-flight 32] [--rounds 3] [--repeat N] [--format json]
                   switchman bench chat [--commands 2000] [--concurrency 200] [--check-seconds 10] [--repeat N] [--format json]
                   switchman bench chat --backend slack-http [--commands 200] [--concurrency 200] [--check-seconds 10] [--repeat N] [--format json]
                   switchman bench dns --peer dnsperf [--names 100] [--resolvers 20] [--in-flight 32] [--peer-dns 127.0.0.1:PORT] [--repeat N] [--format json]
                   switchman bench spf --peer pyspf [--suite DIR] [--evaluations 3] [--peer-dns 127.0.0.1:PORT] [--repeat N] [--format json]
                   switchman bench parity [--rows 1000000] [--peer naive] [--repeat N] [--format json]
              The benchmarks behind docs/benchmarks.md; one JSON object with --format json (logs on stderr).
              --repeat N runs N repetitions and gives every figure that varied as {median, min, max}, with
              the load average at start and end (load-start, load-end). --peer PEER measures the tool a user
              would pick instead on the same workload, interleaved, and prints ours, theirs and the ratio
              (above 1: Switchman is faster); a peer that gets the workload wrong fails the benchmark (exit 1).
              Exit 1 also when a benchmark is over its budget (within-budget: false).""";

    public static final String SERVE = """
            usage: switchman serve [--runbooks DIR]...
              Runs the bot in the team's chat: every configured backend (Slack, Discord) and one HTTP
              server with their endpoints (/slack/events, /discord/interactions) and /health. Runs until
              stopped (Ctrl-C, SIGTERM). A missing or invalid setting is one sentence and exit 1.
              Slack (docs/slack.md): SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode, no public URL)
              and/or SLACK_SIGNING_SECRET (HTTP mode, events at /slack/events); SLACK_API_URL overrides
              the Web API base URL (https://slack.com/api/);
              SLACK_USER_GROUPS=true lets roles name Slack user groups (slack-group:<id>).
              Discord (docs/discord.md): DISCORD_BOT_TOKEN (gateway mode, nothing inbound); with
              DISCORD_PUBLIC_KEY (64 hex digits) interactions arrive at /discord/interactions instead
              (HTTP mode). Optional: DISCORD_APPLICATION_ID, DISCORD_GUILD_ID (register /switchman in
              one server), DISCORD_REGISTER_COMMANDS=false, DISCORD_API_URL (REST base URL).
              HTTP: SWITCHMAN_HTTP_PORT (default 8080; 0 = any free port), SWITCHMAN_HTTP_BIND (default
              127.0.0.1, this machine only: put a TLS proxy in front, or set 0.0.0.0 knowingly).
              Heartbeats: cron jobs call /ping/<check-id> (/start, /fail; docs/checks-heartbeat.md);
              SWITCHMAN_PING_KEY, when set, must come with every ping (X-Switchman-Ping-Key or ?key=).
              Store and runbooks as for the console (SWITCHMAN_HOME, SWITCHMAN_DB_URL, ./runbooks, --runbooks).""";

    public static final String DOCTOR = """
            usage: switchman doctor
              Checks every chat backend of this build: not configured (which variables to set), or its
              settings and the platform reached with them (Slack: auth.test; Discord: users/@me and the
              application the token belongs to). One line per finding, never a secret. Exit 0 when at least
              one backend is configured and nothing is wrong, else 1.""";

    public static final String AGENT = "usage: switchman agent --name NAME --bot URL   run assigned checks on this host, report to the bot";
}
