package io.sweeper.train.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Backward passes against central-difference numerical gradients, in double precision. */
class LayerGradientTest {
    private static final double H = 1e-6;

    @Test
    void mishIsXTimesTanhOfSoftplus() {
        double[] xs = {-20, -5, -1.5, -0.3, 0, 0.3, 1, 2.5, 8, 20};
        INDArray out = new ActivationLayer(Activation.MISH, new long[] {xs.length})
                .forward(Nd4j.createFromArray(xs).reshape(1, xs.length), false);
        for (int i = 0; i < xs.length; i++) {
            double expected = xs[i] * Math.tanh(Math.log1p(Math.exp(xs[i])));
            assertThat(out.getDouble(0, i)).as("mish(%s)", xs[i]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void mishGradientStaysFiniteForLargeInputs() {
        // ND4J's own MishDerivative op overflows to NaN from x ≈ 25: a real training run diverged on it.
        ActivationLayer mish = new ActivationLayer(Activation.MISH, new long[] {5});
        INDArray x = Nd4j.createFromArray(new float[] {10, 25, 50, 100, 1000}).reshape(1, 5);
        mish.forward(x, true);
        INDArray g = mish.backward(Nd4j.ones(DataType.FLOAT, 1, 5));
        for (int i = 0; i < 5; i++) {
            assertThat(g.getDouble(0, i)).as("d mish / dx at %s", x.getDouble(0, i)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void mishGradientMatchesNumericalGradient() {
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 4, 50).subi(0.5).muli(12);
        assertGradientMatches(() -> new ActivationLayer(Activation.MISH, new long[] {50}), x, Map.of());
    }

    @Test
    void reluAndSwishGradientsMatchNumericalGradient() {
        Nd4j.getRandom().setSeed(14);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 40).subi(0.5).muli(6);
        assertGradientMatches(() -> new ActivationLayer(Activation.RELU, new long[] {40}), x, Map.of());
        assertGradientMatches(() -> new ActivationLayer(Activation.SWISH, new long[] {40}), x, Map.of());
    }

    @Test
    void batchNormGradientThroughBatchStatisticsMatchesNumericalGradient() {
        Nd4j.getRandom().setSeed(12);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 6, 3, 4, 4).muli(3).subi(1);
        Map<String, INDArray> params = new HashMap<>();
        params.put("bn/gamma", Nd4j.createFromArray(1.5, 0.7, -1.2));
        params.put("bn/beta", Nd4j.createFromArray(0.1, -0.4, 0.3));
        params.put("bn/moving_mean", Nd4j.zeros(DataType.DOUBLE, 3));
        params.put("bn/moving_variance", Nd4j.ones(DataType.DOUBLE, 3));
        assertGradientMatches(() -> new BatchNorm("bn", new long[] {3, 4, 4}, 0.99), x, params);
    }

    @Test
    void batchNormWithAConstantChannelStaysFinite() {
        // A dead ReLU channel has zero batch variance; ε keeps the gradient finite (see BatchNorm).
        INDArray x = Nd4j.rand(DataType.DOUBLE, 4, 2, 3, 3);
        x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(1)).assign(0);
        Map<String, INDArray> params = bnParams(2);
        BatchNorm bn = bound(new BatchNorm("bn", new long[] {2, 3, 3}, 0.99), params);
        bn.forward(x, true);
        INDArray g = bn.backward(Nd4j.rand(DataType.DOUBLE, 4, 2, 3, 3));
        assertThat(g.isNaN().any() || g.isInfinite().any()).isFalse();
    }

    @Test
    void batchNormMovingStatisticsFollowTheBatchAtItsMomentum() {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 8, 2, 3, 3);
        INDArray batchMean = x.mean(0, 2, 3);
        for (double momentum : new double[] {0.99, 0.9}) {
            Map<String, INDArray> params = bnParams(2);
            bound(new BatchNorm("bn", new long[] {2, 3, 3}, momentum), params).forward(x, true);
            // from 0: one training step moves the moving mean (1 - momentum) of the way to the batch's
            assertThat(params.get("bn/moving_mean").toDoubleVector())
                    .containsExactly(batchMean.mul(1 - momentum).toDoubleVector(), within(1e-9));
        }
    }

    @Test
    void convolutionGradientMatchesNumericalGradient() {
        Nd4j.getRandom().setSeed(13);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 2, 7, 7);
        Map<String, INDArray> params = new HashMap<>();
        params.put("c/W", Nd4j.rand(DataType.DOUBLE, 5, 5, 2, 3).subi(0.5));
        params.put("c/b", Nd4j.createFromArray(0.1, 0.2, -0.3));
        assertGradientMatches(() -> new Conv2d("c", new long[] {2, 7, 7}, 3, 5, 2, true, true), x, params);
    }

    /**
     * The first layer computes its kernel gradient as a convolution of input and output gradient
     * (see Conv2d), for 'same' and 'valid' padding: against central differences of the loss in W.
     */
    @Test
    void firstConvolutionKernelAndBiasGradientsMatchNumericalGradients() {
        Nd4j.getRandom().setSeed(14);
        for (boolean same : new boolean[] {true, false}) {
            INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 1, 8, 8);
            Map<String, INDArray> values = new HashMap<>();
            values.put("c/W", Nd4j.rand(DataType.DOUBLE, 3, 3, 1, 4).subi(0.5));
            values.put("c/b", Nd4j.createFromArray(0.1, 0.2, -0.3, 0.05));
            Map<String, INDArray> gradients = new HashMap<>();
            values.forEach((k, v) -> gradients.put(k, Nd4j.zeros(v.dataType(), v.shape())));
            Supplier<Layer> first = () -> new Conv2d("c", new long[] {1, 8, 8}, 4, 3, 1, same, false);
            Layer layer = bound(first.get(), values, gradients);
            INDArray weights = Nd4j.rand(DataType.DOUBLE, layer.forward(x, true).shape()).subi(0.5);
            assertThat(layer.backward(weights.dup())).as("no input gradient for the first layer").isNull();
            for (String name : new String[] {"c/W", "c/b"}) {
                INDArray flat = values.get(name).reshape(values.get(name).length());
                for (int i = 0; i < flat.length(); i += 5) {
                    double saved = flat.getDouble(i);
                    flat.putScalar(i, saved + H);
                    double plus = bound(first.get(), values).forward(x, true).mul(weights).sumNumber().doubleValue();
                    flat.putScalar(i, saved - H);
                    double minus = bound(first.get(), values).forward(x, true).mul(weights).sumNumber().doubleValue();
                    flat.putScalar(i, saved);
                    double numerical = (plus - minus) / (2 * H);
                    assertThat(gradients.get(name).reshape(flat.length()).getDouble(i)).as("%s %s[%d]", same ? "same" : "valid", name, i)
                            .isCloseTo(numerical, org.assertj.core.data.Offset.offset(1e-5 + 1e-4 * Math.abs(numerical)));
                }
            }
        }
    }

    private static Map<String, INDArray> bnParams(int channels) {
        Map<String, INDArray> params = new HashMap<>();
        params.put("bn/gamma", Nd4j.ones(DataType.DOUBLE, channels));
        params.put("bn/beta", Nd4j.zeros(DataType.DOUBLE, channels));
        params.put("bn/moving_mean", Nd4j.zeros(DataType.DOUBLE, channels));
        params.put("bn/moving_variance", Nd4j.ones(DataType.DOUBLE, channels));
        return params;
    }

    private static <L extends Layer> L bound(L layer, Map<String, INDArray> values) {
        Map<String, INDArray> gradients = new HashMap<>();
        values.forEach((k, v) -> gradients.put(k, Nd4j.zeros(v.dataType(), v.shape())));
        return bound(layer, values, gradients);
    }

    /** The layer reading its parameters from {@code values} and writing their gradients into {@code gradients}. */
    private static <L extends Layer> L bound(L layer, Map<String, INDArray> values, Map<String, INDArray> gradients) {
        layer.bind(new ParamViews() {
            @Override
            public INDArray value(Param param) {
                return values.get(param.name());
            }

            @Override
            public INDArray gradient(Param param) {
                return gradients.get(param.name());
            }
        });
        return layer;
    }

    /** Loss = Σ weights · output; compares the layer's input gradient with central differences. */
    private static void assertGradientMatches(Supplier<Layer> factory, INDArray x, Map<String, INDArray> params) {
        Layer layer = bound(factory.get(), params);
        INDArray out = layer.forward(x, true);
        INDArray weights = Nd4j.rand(DataType.DOUBLE, out.shape()).subi(0.5);
        INDArray analytic = layer.backward(weights.dup());
        INDArray flat = x.reshape(x.length());
        for (int i = 0; i < x.length(); i += Math.max(1, (int) (x.length() / 60))) {
            double saved = flat.getDouble(i);
            flat.putScalar(i, saved + H);
            double plus = bound(factory.get(), params).forward(x, true).mul(weights).sumNumber().doubleValue();
            flat.putScalar(i, saved - H);
            double minus = bound(factory.get(), params).forward(x, true).mul(weights).sumNumber().doubleValue();
            flat.putScalar(i, saved);
            double numerical = (plus - minus) / (2 * H);
            double a = analytic.reshape(analytic.length()).getDouble(i);
            assertThat(a).as("d loss / d x[%d]", i).isCloseTo(numerical, org.assertj.core.data.Offset.offset(1e-5 + 1e-4 * Math.abs(numerical)));
        }
    }
}
