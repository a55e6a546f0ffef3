package io.sweeper.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sweeper.store.ClaimedTrial;
import io.sweeper.store.NewTrial;
import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import io.sweeper.store.SweepState;
import io.sweeper.store.TestDatabase;
import io.sweeper.store.TrialOutcome;
import io.sweeper.sweep.Goal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page's data as written for sweeps in a real store, H2 and (when configured) PostgreSQL:
 * what varies and what is constant, every trial, the curves, the header's best; and the
 * escaping that keeps any name inside its JSON block.
 */
class DashboardTest {
    static final String SPEC = """
            name: data
            method: random
            metric: {name: score, goal: minimize}
            command: [bash, train.sh, "${args}"]
            parameters:
              lr: {distribution: log_uniform_values, min: 0.0001, max: 0.1}
              opt: {values: [sgd, adam]}
              batch: {value: 32}
            """;
    private static final Pattern DATA = Pattern.compile("<script type=\"application/json\" id=\"sweeper-data\">(.*?)</script>",
            Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void theDataOfASweepInAnH2Store() {
        try (Store store = Store.open("jdbc:h2:file:" + dir.resolve("db"))) {
            checkTheData(store);
        }
    }

    @Test
    void theDataOfASweepInAPostgresStore() {
        try (TestDatabase database = TestDatabase.postgres()) {
            checkTheData(database.open());
        }
    }

    @Test
    void noNameCanLeaveTheJsonBlock() {
        String name = "</script><script>alert(1)</script><!-- \u2028 & %%APP%%";
        try (Store store = Store.open("jdbc:h2:file:" + dir.resolve("db"))) {
            long id = store.createSweep(name, SPEC, "random", "score", Goal.MINIMIZE);
            String html = Dashboard.html(store, List.of(store.findSweep(Long.toString(id))), Instant.now(), Optional.empty());
            assertThat(html.split("<script", -1)).as("the page's own three scripts only").hasSize(4);
            assertThat(html).doesNotContain("<!-- ", "\u2028").contains("\"name\":\"\\u003c/script\\u003e");
            assertThat(data(html).get("sweeps").get(0).get("name").asText()).isEqualTo(name);
        }
    }

    private static void checkTheData(Store store) {
        long id = store.createSweep("data", SPEC, "random", "score", Goal.MINIMIZE);
        store.addTrials(id, IntStream.range(0, 4).mapToObj(n -> new NewTrial(n,
                "{\"lr\": " + Math.pow(10, -1 - n) + ", \"opt\": \"" + (n % 2 == 0 ? "sgd" : "adam") + "\", \"batch\": 32}")).toList());
        for (int n = 0; n < 3; n++) {
            ClaimedTrial trial = store.claimNextTrial(id, "host:1:" + (n % 2), Duration.ofMinutes(1)).orElseThrow();
            for (int epoch = 1; epoch <= 3; epoch++) {
                store.recordEpoch(trial.lease(), epoch, Map.of("score", 1.0 / (epoch + n)));
            }
            store.finishTrial(trial.lease(), n == 2 ? TrialOutcome.pruned("hyperband") : TrialOutcome.finished());
        }
        SweepRow sweep = store.findSweep(Long.toString(id));

        JsonNode page = data(Dashboard.html(store, List.of(sweep), Instant.now(), Optional.empty()));

        assertThat(page.get("live").asBoolean()).as("the sweep is still running").isTrue();
        JsonNode s = page.get("sweeps").get(0);
        assertThat(s.get("params").findValuesAsText("name")).containsExactly("lr", "opt");
        assertThat(s.get("params").findValuesAsText("scale")).containsExactly("log", "categorical");
        assertThat(s.get("constants").get("batch").asInt()).isEqualTo(32);
        assertThat(s.get("trials")).hasSize(4);
        assertThat(s.get("trials").findValuesAsText("state")).containsExactly("pruned", "finished", "finished", "queued");
        assertThat(s.get("best").get("number").asInt()).isEqualTo(2);
        assertThat(s.get("best").get("value").asDouble()).isEqualTo(0.2);
        assertThat(s.get("best").get("yaml").asText()).contains("lr: 0.001", "opt: sgd");
        assertThat(s.get("best").get("panel").get("empty").asText()).contains("command:");
        assertThat(s.get("curves").get("trials")).hasSize(3);
        assertThat(s.get("curves").get("trials").get(1).get("e")).hasSize(3);
        assertThat(s.get("importance").get("rows")).as("under 10 finished trials: no ranking").isEmpty();
        assertThat(s.get("importance").get("trials").asInt()).isEqualTo(2);

        store.setSweepState(id, SweepState.FINISHED);
        assertThat(data(Dashboard.html(store, List.of(store.findSweep(Long.toString(id))), Instant.now(), Optional.empty()))
                .get("live").asBoolean()).isFalse();
    }

    static JsonNode data(String html) {
        Matcher m = DATA.matcher(html);
        assertThat(m.find()).as("the page has its data block").isTrue();
        try {
            return new ObjectMapper().readTree(m.group(1));
        } catch (java.io.IOException e) {
            throw new AssertionError("the data block is not JSON", e);
        }
    }
}
