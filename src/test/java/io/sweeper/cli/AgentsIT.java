package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sweeper.store.EventKind;
import io.sweeper.store.EventRow;
import io.sweeper.store.Store;
import io.sweeper.store.SweepState;
import io.sweeper.store.TestDatabase;
import io.sweeper.store.TrialRow;
import io.sweeper.sweep.TrialState;
import io.sweeper.testing.ScriptSweeps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several `sweeper` processes (real JVMs) sharing one sweep through a real PostgreSQL, with no
 * coordinator but the database: `sweeper run` creates the sweep and works on it, `sweeper agent`
 * processes join it. Trials are `command:` trials running a small bash script that follows the
 * JSON-lines contract and also appends to a log of its own, the witness of what really ran.
 * Skipped when SWEEPER_TEST_PG_URL is unset.
 */
class AgentsIT {
    private static final Pattern CLAIM = Pattern.compile("trial #(\\d+): queued -> running \\(worker (\\S+), attempt (\\d+)\\)");

    @TempDir
    Path dir;
    private TestDatabase db;
    private Store store;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void database() {
        db = TestDatabase.postgres();
        store = db.open(); // migrated before any process starts
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        db.close();
    }

    @Test
    void fourAgentsAndTheRunRunEveryPointOfA200PointGridExactlyOnce() throws Exception {
        Path runs = dir.resolve("runs.log");
        Path script = script("fast.sh", """
                echo "$*" >> %s
                echo '{"epoch": 1, "score": 1}'
                echo '{"epoch": 2, "score": 2}'
                """.formatted(runs));
        Path sweep = sweepFile("grid200", script, "a: {values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]}\n"
                + "  b: {values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]}");
        List<Process> all = new ArrayList<>();
        all.add(sweeper("run", "run", sweep.toString(), "--workers", "1", "--lease", "10"));
        long id = awaitSweep("grid200");
        for (int a = 0; a < 4; a++) {
            all.add(sweeper("agent-" + a, "agent", "grid200", "--workers", "1", "--lease", "10"));
        }
        for (Process p : all) {
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("process %d ended", p.pid()).isTrue();
            assertThat(p.exitValue()).as("exit code of %d: %s", p.pid(), errors()).isZero();
        }

        assertThat(store.findSweep(Long.toString(id)).state()).isEqualTo(SweepState.FINISHED);
        List<TrialRow> trials = store.trials(id);
        assertThat(trials).extracting(TrialRow::number).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 200).boxed().toList());
        assertThat(trials).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.FINISHED);
            assertThat(t.attempt()).isEqualTo(1);
            assertThat(store.metrics(t.id())).extracting(m -> m.epoch()).containsExactly(1, 2);
        });
        Set<List<Object>> points = new HashSet<>();
        for (TrialRow t : trials) {
            Map<?, ?> params = new ObjectMapper().readValue(t.paramsJson(), Map.class);
            points.add(List.of(params.get("a"), params.get("b")));
        }
        assertThat(points).as("no grid point twice, none left out").hasSize(200);
        List<String> ran = Files.readAllLines(runs);
        assertThat(ran).as("every trial's command ran once").hasSize(200).doesNotHaveDuplicates();
        assertThat(claims(id)).hasSize(200);
        assertThat(trials.stream().map(t -> processOf(t.worker().orElseThrow())).distinct().count())
                .as("the processes shared the work").isGreaterThan(1);
    }

    @Test
    void agentsKilledMidTrialLoseNoTrialAndNeverRunOneTwiceAtOnce() throws Exception {
        Path log = dir.resolve("epochs.log");
        // The JSON line goes first: once its JVM is killed, the script dies of SIGPIPE there and
        // writes nothing more to the log.
        Path script = script("slow.sh", """
                x=${1#--x=}
                for e in 1 2 3 4; do
                  sleep 0.2
                  echo "{\\"epoch\\": $e, \\"score\\": $e}"
                  echo "$x $$ $e $(date +%%s%%N)" >> %s
                done
                """.formatted(log));
        String values = IntStream.range(0, 60).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        Path sweep = sweepFile("killed", script, "x: {values: [" + values + "]}");
        String[] options = {"--workers", "1", "--lease", "2", "--max-attempts", "20"};
        List<Process> live = new ArrayList<>();
        live.add(sweeper("run", concat(new String[] {"run", sweep.toString()}, options)));
        long id = awaitSweep("killed");
        for (int a = 0; a < 3; a++) {
            live.add(sweeper("agent-" + a, concat(new String[] {"agent", "killed"}, options)));
        }
        Random random = new Random(7);
        List<Kill> killed = new ArrayList<>();
        int kills = 0;
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
        while (kills < 10 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(300 + random.nextInt(900));
            Process victim = live.get(random.nextInt(live.size()));
            Optional<TrialRow> held = store.trials(id).stream()
                    .filter(t -> t.state() == TrialState.RUNNING && processOf(t.worker().orElseThrow()) == victim.pid())
                    .findFirst();
            if (held.isEmpty()) {
                continue; // not mid-trial (still starting, or between trials): try another moment
            }
            victim.destroyForcibly(); // SIGKILL: no shutdown hook, the lease is simply no longer renewed
            victim.waitFor(30, TimeUnit.SECONDS);
            killed.add(new Kill(held.get().number(), held.get().attempt(), victim.pid()));
            kills++;
            live.remove(victim);
            live.add(sweeper("agent-" + (3 + kills), concat(new String[] {"agent", "killed"}, options)));
        }
        assertThat(kills).as("agents killed mid-trial").isGreaterThanOrEqualTo(10);
        for (Process p : live) {
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("process %d ended", p.pid()).isTrue();
            assertThat(p.exitValue()).as("exit code of %d: %s", p.pid(), errors()).isZero();
        }

        assertThat(store.findSweep(Long.toString(id)).state()).isEqualTo(SweepState.FINISHED);
        List<TrialRow> trials = store.trials(id);
        assertThat(trials).hasSize(60).allSatisfy(t -> {
            assertThat(t.state()).as("trial %d", t.number()).isEqualTo(TrialState.FINISHED);
            assertThat(store.metrics(t.id())).extracting(m -> m.epoch()).containsExactly(1, 2, 3, 4);
        });
        Map<Integer, List<EventRow>> history = trialEvents(id);
        for (TrialRow t : trials) {
            assertAttemptsFollowOneAnother(t, history.get(t.number()));
        }
        for (Kill kill : killed) {
            List<EventRow> events = history.get(kill.number());
            assertThat(events.size()).as("trial %d was killed on attempt %d", kill.number(), kill.attempt())
                    .isGreaterThan(2 * kill.attempt());
            Matcher next = CLAIM.matcher(events.get(2 * kill.attempt()).message());
            assertThat(next.matches()).isTrue();
            assertThat(processOf(next.group(2))).as("attempt %d of trial %d went to another process", kill.attempt() + 1,
                    kill.number()).isNotEqualTo(kill.pid());
        }
        assertNoTwoRunsOfATrialOverlap(Files.readAllLines(log));
    }

    @Test
    void aTrialWhoseLeaseExpiresOnEveryAttemptFailsWithTheReasonAndTheSweepEnds() throws Exception {
        Path script = script("hangs.sh", """
                echo '{"epoch": 1, "score": 1}'
                sleep 120
                """);
        Path sweep = sweepFile("hangs", script, "x: {values: [1]}");
        Files.writeString(sweep, "max_attempts: 2\n", StandardOpenOption.APPEND); // the policy of every process
        String[] options = {"--workers", "1", "--lease", "2"};
        Process first = sweeper("run", concat(new String[] {"run", sweep.toString()}, options));
        long id = awaitSweep("hangs");
        killWhenRunning(id, first, 1);
        Process second = sweeper("agent-1", concat(new String[] {"agent", "hangs"}, options));
        killWhenRunning(id, second, 2);
        Process third = sweeper("agent-2", concat(new String[] {"agent", "hangs"}, options));

        assertThat(third.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(third.exitValue()).as(errors()).isZero();
        TrialRow trial = store.trials(id).get(0);
        assertThat(trial.state()).isEqualTo(TrialState.FAILED);
        assertThat(trial.error()).hasValueSatisfying(error -> assertThat(error)
                .matches("lease expired 2 times; last worker [^ ]+:" + second.pid() + ":0 \\(attempt 2 of 2\\)"));
        assertThat(store.findSweep(Long.toString(id)).state()).isEqualTo(SweepState.FINISHED);
    }

    @Test
    void anAgentStoppedLikeCtrlCHandsItsTrialBackToTheOthers() throws Exception {
        Path script = script("steady.sh", """
                for e in 1 2 3 4 5 6; do echo "{\\"epoch\\": $e, \\"score\\": $e}"; sleep 0.3; done
                """);
        // enough trials that `run` still works on the sweep when the agent stops: it is not the last
        Path sweep = sweepFile("handover", script, "x: {values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}");
        String[] options = {"--workers", "1", "--lease", "30"};
        Process run = sweeper("run", concat(new String[] {"run", sweep.toString()}, options));
        long id = awaitSweep("handover");
        Process agent = sweeper("agent", concat(new String[] {"agent", "handover"}, options));
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        Optional<TrialRow> held = Optional.empty();
        while (held.isEmpty() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
            held = store.trials(id).stream()
                    .filter(t -> t.state() == TrialState.RUNNING && processOf(t.worker().orElseThrow()) == agent.pid())
                    .findFirst();
        }
        assertThat(held).as("the agent got a trial: %s", errors()).isPresent();
        agent.destroy(); // SIGTERM: shutdown hooks run, as for Ctrl-C

        assertThat(agent.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(dir.resolve("agent.out"))).contains("this process's running trials went back to the queue");
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(errors()).isZero();
        TrialRow handedBack = store.trial(held.get().id());
        assertThat(handedBack.state()).isEqualTo(TrialState.FINISHED);
        assertThat(handedBack.attempt()).isEqualTo(2);
        assertThat(processOf(handedBack.worker().orElseThrow())).isEqualTo(run.pid());
        String trial = "trial #" + handedBack.number() + ": ";
        List<String> messages = store.events(id).stream().map(EventRow::message).filter(m -> m.startsWith(trial)).toList();
        assertThat(messages).hasSize(5);
        assertThat(messages.get(1)).startsWith(trial + "running -> cancelled");
        assertThat(messages.get(2)).isEqualTo(trial + "cancelled -> queued (handed back: "
                + held.get().worker().orElseThrow().replaceFirst("0$", "") + "* stopped while other processes work on the sweep)");
        assertThat(store.findSweep(Long.toString(id)).state()).isEqualTo(SweepState.FINISHED);
    }

    /** An agent SIGKILLed while it ran {@code attempt} of trial {@code number}. */
    private record Kill(int number, int attempt, long pid) {
    }

    /** Waits until {@code process} runs the sweep's trial on {@code attempt}, then SIGKILLs it. */
    private void killWhenRunning(long id, Process process, int attempt) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(giveUp)) {
            Optional<TrialRow> running = store.trials(id).stream()
                    .filter(t -> t.state() == TrialState.RUNNING && t.attempt() == attempt
                            && processOf(t.worker().orElseThrow()) == process.pid())
                    .findFirst();
            if (running.isPresent()) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("process " + process.pid() + " never ran attempt " + attempt + ": " + errors());
    }

    /**
     * A trial's history is start, end, start, end …: every attempt after the first was claimed only
     * after the previous one's lease had expired, by number, and only the last one finished.
     */
    private static void assertAttemptsFollowOneAnother(TrialRow trial, List<EventRow> events) {
        assertThat(events).as("events of trial %d", trial.number()).hasSize(2 * trial.attempt());
        for (int attempt = 1; attempt <= trial.attempt(); attempt++) {
            EventRow start = events.get(2 * attempt - 2);
            EventRow end = events.get(2 * attempt - 1);
            Matcher claim = CLAIM.matcher(start.message());
            assertThat(claim.matches()).as(start.message()).isTrue();
            assertThat(Integer.parseInt(claim.group(3))).isEqualTo(attempt);
            if (attempt < trial.attempt()) {
                assertThat(end.kind()).as(end.message()).isEqualTo(EventKind.LEASE_EXPIRED);
                assertThat(end.message()).contains("running -> queued (lease of worker " + claim.group(2) + " expired");
            } else {
                assertThat(end.message()).as("trial %d", trial.number()).startsWith("trial #" + trial.number() + ": running -> finished");
            }
        }
    }

    /** From the scripts' own log: the runs (bash pids) of one trial never overlap in time. */
    private static void assertNoTwoRunsOfATrialOverlap(List<String> lines) {
        Map<String, Map<String, long[]>> spans = new TreeMap<>(); // x -> bash pid -> [first, last]
        for (String line : lines) {
            String[] f = line.split(" ");
            long at = Long.parseLong(f[3]);
            spans.computeIfAbsent(f[0], x -> new HashMap<>())
                    .merge(f[1], new long[] {at, at}, (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        assertThat(spans).hasSize(60);
        spans.forEach((x, runs) -> {
            List<long[]> sorted = runs.values().stream().sorted((a, b) -> Long.compare(a[0], b[0])).toList();
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(sorted.get(i)[0]).as("trial x=%s: a run started before the previous one ended", x)
                        .isGreaterThan(sorted.get(i - 1)[1]);
            }
        });
    }

    private Map<Integer, List<EventRow>> trialEvents(long id) {
        Map<Long, Integer> numbers = store.trials(id).stream().collect(Collectors.toMap(TrialRow::id, TrialRow::number));
        Map<Integer, List<EventRow>> byNumber = new HashMap<>();
        for (EventRow e : store.events(id)) {
            if (e.trialId().isPresent()) {
                byNumber.computeIfAbsent(numbers.get(e.trialId().getAsLong()), n -> new ArrayList<>()).add(e);
            }
        }
        return byNumber;
    }

    private List<String> claims(long id) {
        return store.events(id).stream().map(EventRow::message).filter(m -> CLAIM.matcher(m).matches()).toList();
    }

    /** The pid in a worker name {@code host:pid:index}. */
    private static long processOf(String worker) {
        String[] parts = worker.split(":");
        return Long.parseLong(parts[parts.length - 2]);
    }

    private long awaitSweep(String name) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(giveUp)) {
            Optional<Long> id = store.listSweeps().stream().filter(s -> s.name().equals(name)).map(s -> s.id()).findFirst();
            if (id.isPresent()) {
                return id.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("`sweeper run` never created sweep " + name);
    }

    private Path script(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path sweepFile(String name, Path script, String parameters) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), ScriptSweeps.grid(name, script, parameters));
    }

    private Process sweeper(String log, String... args) throws IOException {
        String[] withStore = concat(args, new String[] {"--db", db.url(), "--runs", dir.resolve("runs").toString()});
        Process p = SweeperProcess.builder(dir, withStore)
                .redirectOutput(dir.resolve(log + ".out").toFile())
                .redirectError(dir.resolve(log + ".err").toFile())
                .start();
        started.add(p);
        return p;
    }

    /** What the processes wrote to standard error, for a failure's message. */
    private String errors() {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".err")).map(f -> {
                try {
                    return f.getFileName() + ": " + Files.readString(f);
                } catch (IOException e) {
                    return f + ": " + e;
                }
            }).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
