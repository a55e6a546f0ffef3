package io.sweeper.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweeper.exec.SweepProgress;
import io.sweeper.store.ClaimedTrial;
import io.sweeper.store.NewTrial;
import io.sweeper.store.Store;
import io.sweeper.store.SweepState;
import io.sweeper.store.TrialOutcome;
import io.sweeper.sweep.Goal;
import io.sweeper.train.data.LoadOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page of a running sweep, rewritten while it runs and once it has ended; never seen half-written. */
class LiveDashboardTest {
    @TempDir
    Path dir;

    @Test
    void aPageWhileTheSweepRunsAndAfterItEnds() throws Exception {
        Path file = dir.resolve("pages").resolve("live.html");
        try (Store store = Store.open("jdbc:h2:file:" + dir.resolve("db"))) {
            long id = store.createSweep("live", DashboardTest.SPEC, "random", "score", Goal.MINIMIZE);
            store.addTrials(id, List.of(new NewTrial(0, "{\"lr\": 0.01, \"opt\": \"sgd\", \"batch\": 32}")));
            List<String> heard = new ArrayList<>();
            try (LiveDashboard live = new LiveDashboard(store, id, file, new Heard(heard), LoadOptions.uncached(), Duration.ZERO)) {
                live.start();
                String running = Files.readString(file);
                assertThat(running).contains("<meta http-equiv=\"refresh\" content=\"30\">");
                assertThat(DashboardTest.data(running).get("sweeps").get(0).get("state").asText()).isEqualTo("running");
                assertThat(DashboardTest.data(running).get("sweeps").get(0).has("best")).isFalse();

                ClaimedTrial trial = store.claimNextTrial(id, "host:1:0", Duration.ofMinutes(1)).orElseThrow();
                store.recordEpoch(trial.lease(), 1, Map.of("score", 0.5));
                store.finishTrial(trial.lease(), TrialOutcome.finished());
                live.trialEnded(0, "finished", "");
                store.setSweepState(id, SweepState.FINISHED);
                assertThat(live.finish()).isTrue();
            }
            assertThat(heard).containsExactly("ended 0 finished");
            String ended = Files.readString(file);
            assertThat(ended).doesNotContain("http-equiv=\"refresh\"");
            JsonNode sweep = DashboardTest.data(ended).get("sweeps").get(0);
            assertThat(sweep.get("state").asText()).isEqualTo("finished");
            assertThat(sweep.get("best").get("value").asDouble()).isEqualTo(0.5);
            try (var leftovers = Files.list(file.getParent())) {
                assertThat(leftovers.map(p -> p.getFileName().toString()).toList()).as("no temporary file left").containsExactly("live.html");
            }
        }
    }

    @Test
    void aReaderNeverSeesAHalfWrittenPage() throws Exception {
        Path file = dir.resolve("page.html");
        String a = "<html>" + "a".repeat(3_000_000) + "</html>\n";
        String b = "<html>" + "b".repeat(2_000_000) + "</html>\n";
        Dashboard.writeAtomically(file, a);
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 40; i++) {
                Dashboard.writeAtomically(file, i % 2 == 0 ? b : a);
            }
            writing.set(false);
        });
        writer.start();
        int reads = 0;
        while (writing.get() || reads < 10) {
            String seen = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            assertThat(seen.equals(a) || seen.equals(b)).as("read %d is one whole page (%d chars)", reads, seen.length()).isTrue();
            reads++;
        }
        writer.join();
    }

    @Test
    void anUnwritableFolderIsTheUsersToFix() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("file.txt"), "x");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Dashboard.writeAtomically(notAFolder.resolve("page.html"), "x")))
                .isInstanceOf(io.sweeper.SweeperException.class)
                .hasMessageContaining("cannot write the dashboard to " + notAFolder.resolve("page.html"))
                .hasMessageContaining("-o FILE");
    }

    private record Heard(List<String> events) implements SweepProgress {
        @Override
        public void trialStarted(int number, Map<String, Object> params) {
            events.add("started " + number);
        }

        @Override
        public void epoch(int number, int epoch, Map<String, Double> metrics) {
            events.add("epoch " + number);
        }

        @Override
        public void trialEnded(int number, String state, String detail) {
            events.add("ended " + number + " " + state);
        }
    }
}
