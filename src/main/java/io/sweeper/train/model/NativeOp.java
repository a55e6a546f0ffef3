package io.sweeper.train.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs one libnd4j custom op by name into given output arrays. On the {@code -onednn-avx2} build
 * the convolution, pooling and batch-norm ops run on oneDNN; calling them directly (rather than
 * through DL4J's layers, which never reach oneDNN in M2.1, or a SameDiff session, which costs
 * tens of milliseconds of bookkeeping per step) is what makes training fast. See DESIGN.md.
 */
final class NativeOp {
    private NativeOp() {
    }

    static void exec(String op, INDArray[] inputs, INDArray[] outputs, long[] intArgs, double... floatArgs) {
        DynamicCustomOp call = DynamicCustomOp.builder(op).addInputs(inputs).addOutputs(outputs).build();
        call.addIArgument(intArgs);
        call.addTArgument(floatArgs);
        Nd4j.exec(call);
    }
}
