package io.sweeper.train.model;

import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.strict.MishDerivative;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A hidden-layer activation, any of DL4J's (parameter {@code activation}): relu, mish, swish, gelu,
 * elu, selu, tanh, … ReLU and Mish, the ones the notebook used, run as single native ops into a
 * fresh output (Mish is ND4J's fused x·tanh(softplus(x)) and its derivative op); the others go
 * through DL4J's {@link IActivation}, which works in place and so costs a copy each way.
 */
final class ActivationLayer implements Layer {
    private final Activation activation;
    private final IActivation function;
    private final long[] shape;
    private INDArray input;

    ActivationLayer(Activation activation, long[] in) {
        this.activation = activation;
        this.function = activation.getActivationFunction();
        this.shape = in;
    }

    @Override
    public long[] outputShape() {
        return shape;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        input = x;
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.shape());
        return switch (activation) {
            case RELU -> Nd4j.exec(new RectifiedLinear(x, out, 0.0));
            case MISH -> mish(x, out);
            default -> function.getActivation(out.assign(x), training);
        };
    }

    /**
     * mish(x) = x·tanh(softplus(x)) = x·n/(n + 2) with n = eˣ(eˣ + 2): one exp and four cheap
     * passes, ≈ 2× faster than ND4J's Mish op (which evaluates tanh and softplus). Above x = 20
     * mish(x) = x to float precision; clamping there keeps eˣ finite.
     */
    private static INDArray mish(INDArray x, INDArray out) {
        INDArray e = Transforms.exp(Transforms.min(x, 20.0, true), false);
        INDArray n = e.add(2).muli(e);
        return out.assign(x).muli(n).divi(n.addi(2));
    }

    @Override
    public INDArray backward(INDArray g) {
        return switch (activation) {
            // a step and a product, two light passes: ≈ 2× faster than libnd4j's relu_bp op
            case RELU -> Transforms.step(input, true).muli(g);
            // ND4J's MishDerivative gives NaN from x ≈ 25 up (its e^{3x} overflows float); the
            // derivative is 1 to float precision from x = 20, so the input is clamped there.
            case MISH -> {
                INDArray clamped = Transforms.min(input, 20.0, true);
                yield Nd4j.exec(new MishDerivative(clamped, clamped)).muli(g);
            }
            default -> function.backprop(input.dup(), g).getFirst();
        };
    }
}
