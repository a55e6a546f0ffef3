package io.sweeper.train.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The fast path (libnd4j ops driven directly) against a straightforward reference: DL4J's own
 * MultiLayerNetwork layers, built to the same architecture and given the same fixed weights. Both
 * the inference output and the training gradients must agree to float tolerance.
 */
class ReferenceImplementationTest {
    /** Keras' batch-norm momentum, given to both networks. */
    private static final double BN_MOMENTUM = 0.99;


    @Test
    void parameterCountsMatchTheNotebook() {
        assertThat(network(Architecture.LENET, Activation.RELU).parameterCount()).isEqualTo(147_746);
        assertThat(network(Architecture.MNIST_CNN, Activation.MISH).parameterCount()).isEqualTo(333_950);
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void outputsAndGradientsEqualDl4jLayersOnFixedWeights(Architecture architecture) {
        Network fast = network(architecture, Activation.MISH);
        MultiLayerNetwork reference = reference(architecture);
        Map<String, INDArray> weights = fast.weights();
        // Non-trivial batch-norm state, so inference really uses the moving statistics.
        weights.forEach((name, w) -> {
            if (name.endsWith("moving_mean") || name.endsWith("beta")) {
                w.assign(Nd4j.rand(DataType.FLOAT, w.shape()).subi(0.5).muli(0.2));
            } else if (name.endsWith("moving_variance") || name.endsWith("gamma")) {
                w.assign(Nd4j.rand(DataType.FLOAT, w.shape()).addi(0.5));
            }
        });
        Map<String, String> keys = dl4jKeys(weights, reference);
        keys.forEach((mine, theirs) -> reference.setParam(theirs, toDl4j(weights.get(mine), reference.getParam(theirs))));

        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.rand(DataType.FLOAT, 16, 1, 28, 28);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 16, 62);
        for (int i = 0; i < 16; i++) {
            y.putScalar(i, (i * 7) % 62, 1);
        }

        assertThat(maxRelativeError(fast.predict(x), reference.output(x, false))).isLessThan(1e-3);

        reference.setInput(x);
        reference.setLabels(y);
        reference.computeGradientAndScore();
        Map<String, INDArray> theirGradients = reference.gradient().gradientForVariable();
        Map<String, INDArray> myGradients = fast.gradientsFor(x, y);
        Map<String, Double> errors = new LinkedHashMap<>();
        keys.forEach((mine, theirs) -> {
            if (!mine.contains("moving")) {
                // DL4J's gradient is a sum over the batch (its updater divides by the batch size later).
                INDArray expected = fromDl4j(theirGradients.get(theirs), myGradients.get(mine)).div(x.size(0));
                errors.put(mine, maxRelativeError(myGradients.get(mine), expected));
            }
        });
        assertThat(errors).allSatisfy((name, error) -> assertThat(error).as(name).isLessThan(1e-2));
    }

    private static Network network(Architecture architecture, Activation activation) {
        return Network.build(new ModelSpec(architecture, activation, 0.0, BN_MOMENTUM, 1.0, TemperatureAt.LOGITS, 28, 62, 3), 1e-3);
    }

    private static double maxRelativeError(INDArray a, INDArray b) {
        double scale = Math.max(1e-3, b.amaxNumber().doubleValue());
        return a.sub(b).amaxNumber().doubleValue() / scale;
    }

    /**
     * Pairs each of our parameter names with DL4J's key: both list the layers that have parameters
     * in the same order; within a layer the names match by suffix (W, b, gamma, beta, and our
     * moving_mean/moving_variance for DL4J's mean/var).
     */
    private static Map<String, String> dl4jKeys(Map<String, INDArray> weights, MultiLayerNetwork reference) {
        List<String> myLayers = weights.keySet().stream().filter(k -> !k.contains("moving"))
                .map(k -> k.substring(0, k.indexOf('/'))).distinct().toList();
        List<String> theirLayers = reference.paramTable().keySet().stream()
                .map(k -> k.substring(0, k.indexOf('_'))).distinct().toList();
        assertThat(myLayers).hasSameSizeAs(theirLayers);
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < myLayers.size(); i++) {
            String mine = myLayers.get(i);
            String theirs = theirLayers.get(i);
            for (String name : weights.keySet()) {
                if (name.startsWith(mine + "/")) {
                    String suffix = name.substring(mine.length() + 1);
                    String key = theirs + "_" + switch (suffix) {
                        case "moving_mean" -> "mean";
                        case "moving_variance" -> "var";
                        default -> suffix;
                    };
                    assertThat(reference.paramTable()).containsKey(key);
                    pairs.put(name, key);
                }
            }
        }
        return pairs;
    }

    /** Our conv kernels are [kH, kW, in, out]; DL4J's are [out, in, kH, kW]. */
    private static INDArray toDl4j(INDArray mine, INDArray theirs) {
        INDArray v = mine.rank() == 4 ? mine.permute(3, 2, 0, 1).dup('c') : mine;
        return v.reshape(theirs.shape());
    }

    private static INDArray fromDl4j(INDArray theirs, INDArray mine) {
        INDArray v = mine.rank() == 4 ? theirs.reshape(mine.shape()[3], mine.shape()[2], mine.shape()[0], mine.shape()[1])
                .permute(2, 3, 1, 0) : theirs;
        return v.reshape(mine.shape());
    }

    private static MultiLayerNetwork reference(Architecture architecture) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT)
                .updater(new Sgd(0)).list();
        if (architecture == Architecture.LENET) {
            b.layer(conv(6, 5, 1, ConvolutionMode.Same)).layer(bn()).layer(pool())
                    .layer(conv(16, 5, 1, ConvolutionMode.Truncate)).layer(bn()).layer(pool())
                    .layer(new DenseLayer.Builder().nOut(256).activation(Activation.MISH).build()).layer(bn())
                    .layer(new DenseLayer.Builder().nOut(128).activation(Activation.MISH).build()).layer(bn());
        } else {
            b.layer(conv(32, 3, 1, ConvolutionMode.Truncate)).layer(bn())
                    .layer(conv(32, 3, 1, ConvolutionMode.Truncate)).layer(bn())
                    .layer(conv(32, 5, 2, ConvolutionMode.Same)).layer(bn())
                    .layer(conv(64, 3, 1, ConvolutionMode.Truncate)).layer(bn())
                    .layer(conv(64, 3, 1, ConvolutionMode.Truncate)).layer(bn())
                    .layer(conv(64, 5, 2, ConvolutionMode.Same)).layer(bn())
                    .layer(conv(128, 4, 1, ConvolutionMode.Truncate)).layer(bn());
        }
        b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(62).activation(Activation.SOFTMAX).build());
        MultiLayerConfiguration conf = b.setInputType(InputType.convolutional(28, 28, 1)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static ConvolutionLayer conv(int filters, int kernel, int stride, ConvolutionMode mode) {
        return new ConvolutionLayer.Builder(kernel, kernel).nOut(filters).stride(stride, stride)
                .convolutionMode(mode).activation(Activation.MISH).build();
    }

    private static BatchNormalization bn() {
        return new BatchNormalization.Builder().eps(BatchNorm.EPSILON).decay(BN_MOMENTUM).useLogStd(false).build();
    }

    private static SubsamplingLayer pool() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build();
    }
}
