package io.sweeper.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

import io.sweeper.sweep.Beta;
import io.sweeper.sweep.Categorical;
import io.sweeper.sweep.Constant;
import io.sweeper.sweep.Distribution;
import io.sweeper.sweep.DistributionKind;
import io.sweeper.sweep.IntUniform;
import io.sweeper.sweep.Normal;
import io.sweeper.sweep.Quantum;
import io.sweeper.sweep.UniformRange;
import io.sweeper.sweep.WeightedCategorical;

/**
 * Random search draws every distribution with W&B's meaning. The seed is fixed, so each test is
 * deterministic, but the assertions are statistical (Kolmogorov–Smirnov, chi-square, moments):
 * they would pass for any seed with overwhelming probability and fail for a wrong distribution.
 */
class DistributionSamplingTest {

    private static final int N = 20_000;
    /** Far below any p-value a correct sampler gives with a fixed seed; far above a wrong one's. */
    private static final double ALPHA = 0.001;
    private static final long SEED = 20_240_131;

    private static Object[] samples(Distribution distribution, int n) {
        RandomSearch search = new RandomSearch(SEED);
        var spec = Specs.withOnly(distribution);
        return IntStream.range(0, n).mapToObj(i -> search.configuration(spec, i).get("x")).toArray();
    }

    private static double[] reals(Distribution distribution) {
        return Arrays.stream(samples(distribution, N)).mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    private static double ksPValue(RealDistribution expected, double[] data, DoubleUnaryOperator transform) {
        double[] transformed = Arrays.stream(data).map(transform).toArray();
        return new KolmogorovSmirnovTest().kolmogorovSmirnovTest(expected, transformed);
    }

    private static List<Double> list(double[] data) {
        return Arrays.stream(data).boxed().toList();
    }

    private static double median(double[] data) {
        return new DescriptiveStatistics(data).getPercentile(50);
    }

    private static long[] counts(Object[] samples, List<?> values) {
        long[] counts = new long[values.size()];
        for (Object sample : samples) {
            int index = values.indexOf(sample);
            assertThat(index).as("sample %s is one of %s", sample, values).isNotNegative();
            counts[index]++;
        }
        return counts;
    }

    private static UniformRange range(DistributionKind kind, double min, double max, Optional<Quantum> q) {
        return new UniformRange(kind, min, max, q);
    }

    @Test
    void uniformStaysInBoundsAndIsFlat() {
        double[] x = reals(range(DistributionKind.UNIFORM, -1, 1, Optional.empty()));

        assertThat(list(x)).allSatisfy(v -> assertThat(v).isBetween(-1.0, 1.0));
        assertThat(ksPValue(new UniformRealDistribution(-1, 1), x, v -> v)).isGreaterThan(ALPHA);
    }

    @Test
    void intUniformHitsEveryIntegerIncludingBothEndsEvenly() {
        Object[] x = samples(new IntUniform(1, 6), N);
        long[] counts = counts(x, List.of(1L, 2L, 3L, 4L, 5L, 6L));

        assertThat(counts).doesNotContain(0L);
        assertThat(new ChiSquareTest().chiSquareTest(new double[] {1, 1, 1, 1, 1, 1}, counts)).isGreaterThan(ALPHA);
    }

    @Test
    void qUniformRoundsToMultiplesSoTheEndsGetHalfWeight() {
        Object[] x = samples(range(DistributionKind.Q_UNIFORM, 0, 20, Optional.of(Quantum.ofInteger(5))), N);

        // round(uniform(0, 20) / 5) * 5: 0 and 20 collect half a bucket each, as in W&B.
        long[] counts = counts(x, List.of(0L, 5L, 10L, 15L, 20L));
        assertThat(new ChiSquareTest().chiSquareTest(new double[] {1, 2, 2, 2, 1}, counts)).isGreaterThan(ALPHA);
    }

    @Test
    void qUniformWithARealQGivesExactDecimalMultiples() {
        Object[] x = samples(range(DistributionKind.Q_UNIFORM, 0, 1, Optional.of(Quantum.of(0.1))), N);

        assertThat(x).allSatisfy(v -> {
            BigDecimal decimal = new BigDecimal(v.toString());
            assertThat(decimal.scale()).as("%s has one decimal", v).isLessThanOrEqualTo(1);
            assertThat((double) v).isBetween(0.0, 1.0);
        });
        assertThat(Arrays.stream(x).distinct().count()).isEqualTo(11);
    }

    @Test
    void logUniformValuesIsUniformInTheLogSoItsMedianIsTheGeometricMean() {
        double[] x = reals(range(DistributionKind.LOG_UNIFORM_VALUES, 1, 100, Optional.empty()));

        assertThat(list(x)).allSatisfy(v -> assertThat(v).isBetween(1.0, 100.0));
        assertThat(median(x)).isCloseTo(10, withinPercentage(5));
        assertThat(ksPValue(new UniformRealDistribution(0, 2), x, Math::log10)).isGreaterThan(ALPHA);
        // The same data is nowhere near uniform on the values themselves: the test can tell.
        assertThat(ksPValue(new UniformRealDistribution(1, 100), x, v -> v)).isLessThan(1e-6);
    }

    @Test
    void logUniformTakesNaturalLogBounds() {
        double[] x = reals(range(DistributionKind.LOG_UNIFORM, 0, Math.log(100), Optional.empty()));

        assertThat(list(x)).allSatisfy(v -> assertThat(v).isBetween(1.0, 100.0 + 1e-9));
        assertThat(median(x)).isCloseTo(10, withinPercentage(5));
        assertThat(ksPValue(new UniformRealDistribution(0, Math.log(100)), x, Math::log)).isGreaterThan(ALPHA);
    }

    @Test
    void invLogUniformValuesIsDistributedAsWandbComputesIt() {
        // W&B draws exp(-uniform(-ln max, -ln min)): log-uniform between min and max.
        double[] x = reals(range(DistributionKind.INV_LOG_UNIFORM_VALUES, 1, 100, Optional.empty()));

        assertThat(list(x)).allSatisfy(v -> assertThat(v).isBetween(1.0 - 1e-9, 100.0 + 1e-9));
        assertThat(ksPValue(new UniformRealDistribution(0, 2), x, Math::log10)).isGreaterThan(ALPHA);
    }

    @Test
    void invLogUniformIsTheReciprocalOfExponentsBetweenMinAndMax() {
        double[] x = reals(range(DistributionKind.INV_LOG_UNIFORM, 0, Math.log(100), Optional.empty()));

        assertThat(list(x)).allSatisfy(v -> assertThat(v).isBetween(0.01 - 1e-12, 1.0));
        assertThat(median(x)).isCloseTo(0.1, withinPercentage(5));
        assertThat(ksPValue(new UniformRealDistribution(0, Math.log(100)), x, v -> -Math.log(v))).isGreaterThan(ALPHA);
    }

    @Test
    void qLogUniformValuesGivesIntegersForAnIntegerQ() {
        Object[] x = samples(range(DistributionKind.Q_LOG_UNIFORM_VALUES, 1, 1000, Optional.of(Quantum.ofInteger(1))), N);

        assertThat(x).allSatisfy(v -> assertThat(v).isInstanceOf(Long.class));
        assertThat(x).allSatisfy(v -> assertThat((Long) v).isBetween(1L, 1000L));
        double[] values = Arrays.stream(x).mapToDouble(v -> (Long) v).toArray();
        assertThat(median(values)).isCloseTo(Math.sqrt(1000), withinPercentage(10));
    }

    @Test
    void qLogUniformWithTheDefaultQGivesWholeReals() {
        double[] x = reals(range(DistributionKind.Q_LOG_UNIFORM, 0, Math.log(1000), Optional.of(Quantum.DEFAULT)));

        assertThat(list(x)).allSatisfy(v -> assertThat(v).isEqualTo(Math.rint(v)).isBetween(1.0, 1000.0));
    }

    @Test
    void normalHasItsMeanAndSpread() {
        double[] x = reals(new Normal(DistributionKind.NORMAL, 3, 2, Optional.empty()));
        DescriptiveStatistics stats = new DescriptiveStatistics(x);

        assertThat(stats.getMean()).isCloseTo(3, offset(4 * 2 / Math.sqrt(N)));
        assertThat(stats.getStandardDeviation()).isCloseTo(2, withinPercentage(3));
        assertThat(ksPValue(new NormalDistribution(3, 2), x, v -> v)).isGreaterThan(ALPHA);
    }

    @Test
    void qNormalGivesMultiplesOfQ() {
        double[] x = reals(new Normal(DistributionKind.Q_NORMAL, 0, 1, Optional.of(Quantum.of(0.5))));

        assertThat(list(x)).allSatisfy(v -> assertThat(v * 2).isEqualTo(Math.rint(v * 2)));
        assertThat(new DescriptiveStatistics(x).getMean()).isCloseTo(0, offset(0.05));
    }

    @Test
    void logNormalIsNormalInTheLog() {
        double[] x = reals(new Normal(DistributionKind.LOG_NORMAL, 0, 0.5, Optional.empty()));

        assertThat(list(x)).allSatisfy(v -> assertThat(v).isPositive());
        assertThat(ksPValue(new NormalDistribution(0, 0.5), x, Math::log)).isGreaterThan(ALPHA);
    }

    @Test
    void qLogNormalGivesNonNegativeMultiplesOfAnIntegerQ() {
        Object[] x = samples(new Normal(DistributionKind.Q_LOG_NORMAL, 2, 1, Optional.of(Quantum.ofInteger(2))), N);

        assertThat(x).allSatisfy(v -> assertThat((Long) v).isNotNegative().matches(l -> l % 2 == 0, "even"));
    }

    @Test
    void betaStaysInTheUnitIntervalWithItsMean() {
        double[] x = reals(new Beta(DistributionKind.BETA, 2, 5, Optional.empty()));
        double sd = Math.sqrt(2.0 * 5 / (49 * 8));

        assertThat(list(x)).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
        assertThat(new DescriptiveStatistics(x).getMean()).isCloseTo(2.0 / 7, offset(4 * sd / Math.sqrt(N)));
        assertThat(ksPValue(new BetaDistribution(2, 5), x, v -> v)).isGreaterThan(ALPHA);
    }

    @Test
    void qBetaGivesTenthsBetweenZeroAndOne() {
        Object[] x = samples(new Beta(DistributionKind.Q_BETA, 1, 1, Optional.of(Quantum.of(0.1))), N);

        assertThat(x).allSatisfy(v -> assertThat(List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)).contains((Double) v));
    }

    @Test
    void categoricalPicksEachValueEvenly() {
        Object[] x = samples(new Categorical(List.of("relu", "mish", "gelu")), N);

        assertThat(new ChiSquareTest().chiSquareTest(new double[] {1, 1, 1}, counts(x, List.of("relu", "mish", "gelu"))))
                .isGreaterThan(ALPHA);
    }

    @Test
    void categoricalWithProbabilitiesFollowsThem() {
        Object[] x = samples(new WeightedCategorical(List.of("adam", "sgd", "rmsprop"), List.of(0.7, 0.2, 0.1)), N);
        long[] counts = counts(x, List.of("adam", "sgd", "rmsprop"));

        assertThat(new ChiSquareTest().chiSquareTest(new double[] {0.7, 0.2, 0.1}, counts)).isGreaterThan(ALPHA);
        // And not merely any skew: the even split is rejected outright.
        assertThat(new ChiSquareTest().chiSquareTest(new double[] {1, 1, 1}, counts)).isLessThan(1e-10);
    }

    @Test
    void aZeroProbabilityValueIsNeverDrawn() {
        Object[] x = samples(new WeightedCategorical(List.of("a", "never", "b"), List.of(0.5, 0.0, 0.5)), 2_000);

        assertThat(x).doesNotContain("never");
    }

    @Test
    void constantIsAlwaysItsValue() {
        assertThat(samples(new Constant("mnist-cnn"), 100)).containsOnly("mnist-cnn");
    }
}
