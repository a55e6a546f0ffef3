package io.sweeper.train.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Where a layer finds its parameters and their gradients: views into the network's flat buffers. */
interface ParamViews {
    INDArray value(Param param);

    INDArray gradient(Param param);
}
