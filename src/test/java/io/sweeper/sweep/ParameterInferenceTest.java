package io.sweeper.sweep;

import static io.sweeper.sweep.GoodSweepFilesTest.distribution;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Without {@code distribution:}, the keys decide it as in W&B's schema. */
class ParameterInferenceTest {

    private static SweepSpec spec(String parameters) {
        return SweepFiles.parse("program: train.py\nmethod: random\nparameters:\n" + parameters, "inline.yaml").spec();
    }

    @Test
    void valueMeansConstant() {
        assertThat(distribution(spec("  opt: {value: adam}\n"), "opt")).isEqualTo(new Constant("adam"));
    }

    @Test
    void aConstantMayBeAListOrMapping() {
        SweepSpec spec = spec("  layers: {value: [64, 128]}\n  opt: {value: {name: adam, lr: 0.1}}\n");

        assertThat(distribution(spec, "layers")).isEqualTo(new Constant(List.of(64L, 128L)));
        assertThat(distribution(spec, "opt")).isEqualTo(new Constant(Map.of("name", "adam", "lr", 0.1)));
    }

    @Test
    void valuesMeanCategorical() {
        assertThat(distribution(spec("  act: {values: [relu, mish, true, 3, 0.5]}\n"), "act"))
                .isEqualTo(new Categorical(List.of("relu", "mish", true, 3L, 0.5)));
    }

    @Test
    void valuesWithProbabilitiesMeanCategoricalWithProbabilities() {
        assertThat(distribution(spec("  opt: {values: [adam, sgd], probabilities: [0.8, 0.2]}\n"), "opt"))
                .isEqualTo(new WeightedCategorical(List.of("adam", "sgd"), List.of(0.8, 0.2)));
    }

    @Test
    void integerBoundsMeanIntUniform() {
        assertThat(distribution(spec("  layers: {min: 1, max: 8}\n"), "layers")).isEqualTo(new IntUniform(1, 8));
    }

    @Test
    void anyRealBoundMeansUniform() {
        SweepSpec spec = spec("  a: {min: 0.1, max: 0.5}\n  b: {min: 1, max: 10.0}\n  c: {min: 0, max: 1e-3}\n");

        assertThat(distribution(spec, "a")).isEqualTo(new UniformRange(DistributionKind.UNIFORM, 0.1, 0.5, Optional.empty()));
        assertThat(distribution(spec, "b")).isEqualTo(new UniformRange(DistributionKind.UNIFORM, 1, 10, Optional.empty()));
        // SnakeYAML reads 1e-3 as a number where PyYAML reads text: sweeper takes the number.
        assertThat(distribution(spec, "c")).isEqualTo(new UniformRange(DistributionKind.UNIFORM, 0, 0.001, Optional.empty()));
    }

    @Test
    void anExplicitUniformKeepsIntegerBoundsReal() {
        assertThat(distribution(spec("  a: {distribution: uniform, min: 0, max: 1}\n"), "a"))
                .isEqualTo(new UniformRange(DistributionKind.UNIFORM, 0, 1, Optional.empty()));
    }

    @Test
    void qWrittenAsAnIntegerGivesIntegersAndTheDefaultQIsTheReal1() {
        SweepSpec spec = spec("  a: {distribution: q_uniform, min: 0, max: 20, q: 5}\n"
                + "  b: {distribution: q_uniform, min: 0, max: 20}\n"
                + "  c: {distribution: q_uniform, min: 0, max: 2, q: 0.5}\n");

        assertThat(((UniformRange) distribution(spec, "a")).q()).contains(Quantum.ofInteger(5));
        assertThat(((UniformRange) distribution(spec, "b")).q()).contains(Quantum.DEFAULT);
        assertThat(((UniformRange) distribution(spec, "c")).q()).contains(new Quantum(new BigDecimal("0.5"), false));
    }

    @Test
    void normalAndBetaTakeWandbsDefaults() {
        SweepSpec spec = spec("  n: {distribution: normal}\n  l: {distribution: log_normal}\n  b: {distribution: beta}\n");

        assertThat(distribution(spec, "n")).isEqualTo(new Normal(DistributionKind.NORMAL, 0, 1, Optional.empty()));
        assertThat(distribution(spec, "l")).isEqualTo(new Normal(DistributionKind.LOG_NORMAL, 0, 1, Optional.empty()));
        assertThat(distribution(spec, "b")).isEqualTo(new Beta(DistributionKind.BETA, 1, 1, Optional.empty()));
    }

    @Test
    void nestedParametersNestToAnyDepth() {
        SweepSpec spec = spec("""
                  model:
                    parameters:
                      encoder:
                        parameters:
                          depth: {values: [2, 4]}
                          attention:
                            parameters:
                              heads: {value: 8}
                      width: {value: 64}
                """);

        assertThat(spec.leaves()).extracting(ParameterSpec::path).containsExactly(
                List.of("model", "encoder", "depth"), List.of("model", "encoder", "attention", "heads"),
                List.of("model", "width"));
    }

    @Test
    void yamlMergeKeysShareSettingsBetweenParameters() {
        SweepSpec spec = spec("""
                  lr: &bounds {distribution: log_uniform_values, min: 0.0001, max: 0.1}
                  head_lr:
                    <<: *bounds
                    max: 1.0
                """);

        assertThat(distribution(spec, "head_lr")).isEqualTo(
                new UniformRange(DistributionKind.LOG_UNIFORM_VALUES, 0.0001, 1.0, Optional.empty()));
    }

    @Test
    void datesStayText() {
        assertThat(distribution(spec("  data: {value: 2024-01-31}\n"), "data")).isEqualTo(new Constant("2024-01-31"));
    }
}
