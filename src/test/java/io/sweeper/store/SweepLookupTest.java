package io.sweeper.store;

import io.sweeper.sweep.Goal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sweeper.SweeperException;

class SweepLookupTest {
    @OnEachDatabase
    void aSweepIsFoundByIdOrAsTheNewestOfItsName(TestDatabase db) {
        Store store = db.open();
        long older = Fixtures.sweep(store, "mish-temperature", Goal.MAXIMIZE);
        long other = Fixtures.sweep(store, "baseline", Goal.MAXIMIZE);
        long newer = Fixtures.sweep(store, "mish-temperature", Goal.MAXIMIZE);

        assertThat(store.findSweep(Long.toString(older)).id()).isEqualTo(older);
        assertThat(store.findSweep("mish-temperature").id()).isEqualTo(newer);
        assertThat(store.listSweeps()).extracting(SweepRow::id).containsExactly(newer, other, older);
        SweepRow row = store.findSweep("baseline");
        assertThat(row.specYaml()).isEqualTo(Fixtures.SPEC);
        assertThat(row.method()).isEqualTo("grid");
        assertThat(row.metricName()).isEqualTo("val_accuracy");
        assertThat(row.state()).isEqualTo(SweepState.RUNNING);
        assertThat(row.endedAt()).isEmpty();
    }

    @OnEachDatabase
    void anUnknownSweepIsOneClearLine(TestDatabase db) {
        Store store = db.open();
        assertThatThrownBy(() -> store.findSweep("42"))
                .isInstanceOf(SweeperException.class)
                .hasMessage("no sweep '42' in " + store.url() + ": `sweeper ls` lists them");
        assertThatThrownBy(() -> store.findSweep("no-such-sweep"))
                .hasMessage("no sweep 'no-such-sweep' in " + store.url() + ": `sweeper ls` lists them");
        assertThatThrownBy(() -> store.trials(42))
                .isInstanceOf(SweeperException.class)
                .hasMessage("no sweep 42 in " + store.url() + ": `sweeper ls` lists them");
        assertThatThrownBy(() -> store.addTrial(42, 1, "{}"))
                .isInstanceOf(SweeperException.class)
                .hasMessageStartingWith("no sweep 42 in ");
        assertThatThrownBy(() -> store.trial(7))
                .isInstanceOf(SweeperException.class)
                .hasMessageStartingWith("no trial 7 in ");
    }
}
