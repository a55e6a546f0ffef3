package io.sweeper.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.sweeper.SweeperException;

/** Sweep files written as W&B's docs (and DESIGN.md) write them are read as W&B reads them. */
class GoodSweepFilesTest {

    @Test
    void docsBasicBayesExampleReadsWithWandbsGaussianProcess() {
        LoadedSweep loaded = SweepFiles.load(SweepTestFiles.path("good/wandb-docs-basic.yaml"));
        SweepSpec spec = loaded.spec();

        assertThat(spec.method()).isEqualTo(SweepMethod.BAYES);
        assertThat(spec.bayes()).isEqualTo(BayesSettings.DEFAULT);
        assertThat(spec.bayes().engine()).isEqualTo(BayesSettings.Engine.GP);
        assertThat(loaded.warnings()).isEmpty();
        assertThat(spec.name()).contains("sweepdemo");
        assertThat(spec.metric()).contains(new MetricGoal("validation_loss", Goal.MINIMIZE,
                Optional.empty(), MetricGoal.Impute.WORST));
        assertThat(spec.leaves()).extracting(ParameterSpec::dottedPath)
                .containsExactly("learning_rate", "batch_size", "epochs", "optimizer");
        assertThat(distribution(spec, "learning_rate")).isEqualTo(
                new UniformRange(DistributionKind.UNIFORM, 0.0001, 0.1, Optional.empty()));
        assertThat(distribution(spec, "batch_size")).isEqualTo(new Categorical(List.of(16L, 32L, 64L)));
        assertThat(distribution(spec, "optimizer")).isEqualTo(new Categorical(List.of("adam", "sgd")));
    }

    @Test
    void designExampleReads() {
        LoadedSweep loaded = SweepFiles.load(SweepTestFiles.path("good/design-mish-temperature.yaml"));
        SweepSpec spec = loaded.spec();

        assertThat(spec.command().program()).contains("train");
        assertThat(spec.runCap()).contains(40);
        assertThat(spec.metric().orElseThrow().goal()).isEqualTo(Goal.MAXIMIZE);
        assertThat(((EarlyTerminate.Hyperband) spec.earlyTerminate().orElseThrow()).bands()).startsWith(5, 15, 45, 135);
        assertThat(distribution(spec, "rotation")).isEqualTo(new UniformRange(DistributionKind.Q_UNIFORM, 0, 20,
                Optional.of(Quantum.ofInteger(5))));
        assertThat(distribution(spec, "epochs")).isEqualTo(new Constant(400L));
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void docsDoubleNestedExampleGivesNestedParameters() {
        SweepSpec spec = SweepFiles.load(SweepTestFiles.path("good/wandb-docs-double-nested.yaml")).spec();

        assertThat(spec.parameters()).extracting(ParameterSpec::name).containsExactly("optimizer", "fc_layer_size",
                "dropout", "epochs", "learning_rate", "batch_size", "nested_category_1", "nested_category_2",
                "nested_category_3");
        assertThat(spec.parameters().get(6)).isInstanceOf(ParameterSpec.Nested.class);
        assertThat(spec.leaves()).extracting(ParameterSpec::dottedPath).contains(
                "nested_category_1.momentum", "nested_category_1.weight_decay", "nested_category_3.weight_decay");
        assertThat(distribution(spec, "nested_category_2.momentum"))
                .isEqualTo(new UniformRange(DistributionKind.UNIFORM, 0, 0.9, Optional.empty()));
        assertThat(distribution(spec, "batch_size")).isEqualTo(new UniformRange(DistributionKind.Q_LOG_UNIFORM_VALUES,
                32, 256, Optional.of(Quantum.ofInteger(8))));
    }

    @Test
    void docsCommandExampleKeepsItsFixedArguments() {
        SweepSpec spec = SweepFiles.load(SweepTestFiles.path("good/wandb-docs-command.yaml")).spec();

        assertThat(spec.command().template()).containsExactly(
                "${env}", "${interpreter}", "${program}", "-config", "your-training-config.json", "${args}");
        assertThat(spec.command().isDefault()).isFalse();
        assertThat(spec.method()).isEqualTo(SweepMethod.GRID);
    }

    @Test
    void docsHyperbandExamplesAreReadWithWandbDefaults() {
        EarlyTerminate fromMin = SweepFiles.load(SweepTestFiles.path("good/wandb-docs-hyperband-min-iter.yaml"))
                .spec().earlyTerminate().orElseThrow();
        EarlyTerminate fromMax = SweepFiles.load(SweepTestFiles.path("good/wandb-docs-hyperband-max-iter.yaml"))
                .spec().earlyTerminate().orElseThrow();

        assertThat(fromMin).isEqualTo(new EarlyTerminate.Hyperband(Optional.of(3), Optional.empty(), Optional.empty(), 3, true));
        assertThat(fromMax).isEqualTo(new EarlyTerminate.Hyperband(Optional.empty(), Optional.of(27), Optional.of(2), 3, true));
    }

    @Test
    void everyDistributionIsReadWithItsKindAndDefaults() {
        LoadedSweep loaded = SweepFiles.load(SweepTestFiles.path("good/every-distribution.yaml"));
        SweepSpec spec = loaded.spec();

        assertThat(spec.leaves()).extracting(leaf -> leaf.distribution().kind())
                .containsExactly(DistributionKind.values());
        assertThat(spec.leaves()).allSatisfy(leaf ->
                assertThat(leaf.distribution().kind().yamlName()).isEqualTo(leaf.name()));
        assertThat(distribution(spec, "q_normal")).isEqualTo(new Normal(DistributionKind.Q_NORMAL, 0, 1,
                Optional.of(new Quantum(new java.math.BigDecimal("0.5"), false))));
        assertThat(distribution(spec, "q_beta")).isEqualTo(new Beta(DistributionKind.Q_BETA, 1, 1,
                Optional.of(new Quantum(new java.math.BigDecimal("0.1"), false))));
        assertThat(spec.seed()).contains(42L);
        assertThat(spec.workers()).contains(2);
        assertThat(spec.description()).contains("one parameter per distribution");
        assertThat(spec.metric().orElseThrow().target()).contains(0.05);
        assertThat(spec.metric().orElseThrow().impute()).isEqualTo(MetricGoal.Impute.BEST);
        assertThat(spec.yamlText()).isEqualTo(SweepTestFiles.text("good/every-distribution.yaml"));
        assertThat(loaded.warnings()).hasSize(3).allSatisfy(w -> assertThat(w).contains("natural-log exponents"));
    }

    @Test
    void bayesTakesTheTpeEngineAndStartupTrials() {
        SweepSpec spec = SweepFiles.parse("""
                program: train.py
                method: bayes
                bayes: {engine: tpe, startup_trials: 5}
                metric: {name: val_loss}
                parameters:
                  lr: {min: 0.001, max: 0.1}
                """, "tpe.yaml").spec();

        // Multivariate unless said otherwise, as Optuna 5's TPESampler.
        assertThat(spec.bayes()).isEqualTo(new BayesSettings(BayesSettings.Engine.TPE, Optional.of(5), true));
        assertThat(spec.bayes().effectiveStartupTrials()).isEqualTo(5);
        assertThat(BayesSettings.DEFAULT.effectiveStartupTrials()).isEqualTo(2);
        assertThat(new BayesSettings(BayesSettings.Engine.TPE, Optional.empty(), false).effectiveStartupTrials()).isEqualTo(10);
        assertThat(SweepFiles.parse("""
                program: train.py
                method: bayes
                bayes: {engine: tpe, multivariate: false}
                metric: {name: val_loss}
                parameters:
                  lr: {min: 0.001, max: 0.1}
                """, "independent.yaml").spec().bayes().multivariate()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"good/wandb-function-val-acc.yaml", "good/function-based-no-program.yaml"})
    void functionBasedFilesWithoutProgramOrCommandAreRead(String name) {
        LoadedSweep loaded = SweepFiles.load(SweepTestFiles.path(name));

        assertThat(loaded.spec().command().lacksProgram()).isTrue();
        assertThat(loaded.spec().command().isDefault()).isTrue();
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void aMetricNameWithASlashIsKeptAsWritten() {
        SweepSpec spec = SweepFiles.load(SweepTestFiles.path("good/wandb-function-val-acc.yaml")).spec();

        assertThat(spec.metric().orElseThrow().name()).isEqualTo("val/acc");
        assertThat(spec.metric().orElseThrow().goal()).isEqualTo(Goal.MAXIMIZE);
    }

    @Test
    void timeoutsAndRetryAreReadAsOnePolicyWithMaxAttempts() {
        SweepSpec spec = SweepFiles.parse("""
                program: train.py
                method: random
                trial_timeout: 1.5
                sweep_timeout: 3600
                retry: {on: [crash, timeout], max_attempts: 4}
                parameters:
                  lr: {min: 0.001, max: 0.1}
                """, "retry.yaml").spec();

        assertThat(spec.trialTimeout()).contains(java.time.Duration.ofMillis(1500));
        assertThat(spec.sweepTimeout()).contains(java.time.Duration.ofHours(1));
        RetryPolicy policy = spec.retryPolicy(Optional.empty(), 3);
        assertThat(policy.attemptsFor(FailureClass.CRASH)).isEqualTo(4);
        assertThat(policy.retries(FailureClass.TIMEOUT, 3)).isTrue();
        assertThat(policy.retries(FailureClass.TIMEOUT, 4)).isFalse();
        assertThat(policy.attemptsFor(FailureClass.LEASE_EXPIRED)).as("not in on: fails at its first expiry").isEqualTo(1);
        assertThat(spec.retryPolicy(Optional.of(2), 3).attemptsFor(FailureClass.CRASH)).as("--max-attempts").isEqualTo(2);

        SweepSpec plain = SweepFiles.parse("program: t.py\nmethod: random\nmax_attempts: 5\nparameters:\n  x: {values: [1]}\n",
                "plain.yaml").spec();
        assertThat(plain.retryPolicy(Optional.empty(), 3)).isEqualTo(RetryPolicy.leaseExpiryOnly(5));
        assertThat(SweepFiles.parse("program: t.py\nmethod: random\nretry: {}\nparameters:\n  x: {values: [1]}\n",
                "all.yaml").spec().retryPolicy(Optional.empty(), 3).on()).containsExactlyInAnyOrder(FailureClass.values());
    }

    static Distribution distribution(SweepSpec spec, String dottedPath) {
        return spec.leaves().stream().filter(l -> l.dottedPath().equals(dottedPath)).findFirst()
                .orElseThrow(() -> new AssertionError("no parameter " + dottedPath)).distribution();
    }
}
