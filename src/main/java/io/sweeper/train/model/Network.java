package io.sweeper.train.model;

import io.sweeper.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.MirroringPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A trainable network: the layers of an {@link Architecture}, all weights in one flat buffer
 * (trainable parameters first, then batch norm's moving statistics), all gradients in another,
 * and ND4J's Adam updater (Keras' defaults) as one op over the trainable part.
 *
 * <p>The loss is softmax cross-entropy averaged over the batch, as Keras' categorical
 * cross-entropy on a softmax output.
 */
public final class Network {
    private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
            .policyAllocation(AllocationPolicy.OVERALLOCATE).overallocationLimit(0.2)
            .policyLearning(LearningPolicy.FIRST_LOOP).policySpill(SpillPolicy.REALLOCATE)
            .policyMirroring(MirroringPolicy.FULL).build();

    private final ModelSpec spec;
    private final List<Layer> layers;
    private final INDArray values;
    private final INDArray gradients;
    private final long trainableCount;
    private final GradientUpdater adam;
    /** Adam's moments (m then v), the view its updater works in: saved and restored for resume. */
    private final INDArray adamState;
    private final org.nd4j.linalg.api.rng.Random dropoutRandom;
    /**
     * Workspaces reuse one arena for a step's temporaries instead of fresh off-heap memory per
     * array: fresh pages cost page faults and JavaCPP's GC-driven frees made epoch times vary 2-3x.
     * ND4J keeps a workspace per thread and name until it is destroyed, so the names are fixed: every
     * network a worker thread trains reuses that thread's two arenas (growing them if it needs
     * more). Names per network left one pair of arenas behind per trial, ≈ 0.4 GB for mnist-cnn,
     * until a long sweep ran out of memory. Nothing computed in them outlives a step.
     */
    private static final String TRAIN_WORKSPACE = "sweeper-train";
    private static final String PREDICT_WORKSPACE = "sweeper-predict";
    private int iteration;

    /** One training step's mean loss and number of correct predictions. */
    public record Step(double loss, int correct) {
    }

    private Network(ModelSpec spec, double learningRate) {
        this.spec = spec;
        this.dropoutRandom = Nd4j.getRandomFactory().getNewRandomInstance(spec.seed() ^ 0x5DEECE66DL);
        NetworkBuilder builder = new NetworkBuilder(new long[] {1, spec.imageSize(), spec.imageSize()},
                spec.activation(), spec.batchNormMomentum(), dropoutRandom);
        spec.architecture().build(builder, spec);
        this.layers = builder.layers();

        List<Param> params = new ArrayList<>();
        layers.forEach(l -> params.addAll(l.params()));
        params.sort(Comparator.comparing(p -> !p.trainable())); // stable: trainable first, in layer order
        long total = params.stream().mapToLong(Param::size).sum();
        this.trainableCount = params.stream().filter(Param::trainable).mapToLong(Param::size).sum();
        this.values = Nd4j.zeros(DataType.FLOAT, total);
        this.gradients = Nd4j.zeros(DataType.FLOAT, total);

        Map<Param, INDArray> valueViews = new HashMap<>();
        Map<Param, INDArray> gradientViews = new HashMap<>();
        Random init = new Random(spec.seed());
        long offset = 0;
        for (Param p : params) {
            INDArray value = values.get(NDArrayIndex.interval(offset, offset + p.size())).reshape('c', p.shape());
            initialise(value, p, init);
            valueViews.put(p, value);
            gradientViews.put(p, gradients.get(NDArrayIndex.interval(offset, offset + p.size())).reshape('c', p.shape()));
            offset += p.size();
        }
        ParamViews views = new ParamViews() {
            @Override
            public INDArray value(Param param) {
                return valueViews.get(param);
            }

            @Override
            public INDArray gradient(Param param) {
                return gradientViews.get(param);
            }
        };
        layers.forEach(l -> l.bind(views));

        Adam config = new Adam(learningRate, 0.9, 0.999, 1e-7);
        this.adamState = Nd4j.zeros(DataType.FLOAT, 1, config.stateSize(trainableCount));
        this.adam = config.instantiate(adamState, true);
    }

    public static Network build(ModelSpec spec, double learningRate) {
        return new Network(spec, learningRate);
    }

    public ModelSpec spec() {
        return spec;
    }

    /** Parameters as Keras counts them: trainable ones plus batch norm's moving mean and variance. */
    public long parameterCount() {
        return values.length();
    }

    /** One Adam step on a batch: input [n, 1, size, size], one-hot labels [n, classes]. */
    public Step trainStep(INDArray input, INDArray oneHot, int epoch) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, TRAIN_WORKSPACE)) {
            INDArray probs = Transforms.softmax(forward(input, true), true);
            double loss = crossEntropy(probs, oneHot);
            int correct = correct(probs, oneHot);
            backward(probs.subi(oneHot).divi(input.size(0)));
            INDArray update = gradients.get(NDArrayIndex.interval(0, trainableCount)).reshape(1, trainableCount);
            adam.applyUpdater(update, iteration++, epoch);
            values.get(NDArrayIndex.interval(0, trainableCount)).subi(update.reshape(trainableCount));
            return new Step(loss, correct);
        }
    }

    /** Class probabilities [n, classes] for inference (moving statistics, no dropout). */
    public INDArray predict(INDArray input) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, PREDICT_WORKSPACE)) {
            return Transforms.softmax(forward(input, false), false).detach();
        }
    }

    /** Gradients of the mean loss for a batch without updating, for tests against a reference. */
    Map<String, INDArray> gradientsFor(INDArray input, INDArray oneHot) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, TRAIN_WORKSPACE)) {
            backward(Transforms.softmax(forward(input, true), true).subi(oneHot).divi(input.size(0)));
        }
        return namedViews(gradients);
    }

    private void backward(INDArray lossGradient) {
        INDArray g = lossGradient;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g);
        }
    }

    /** Current weights by name, as views, trainable ones first in layer order (tests set and compare them). */
    Map<String, INDArray> weights() {
        return namedViews(values);
    }

    private Map<String, INDArray> namedViews(INDArray flat) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        List<Param> params = new ArrayList<>();
        layers.forEach(l -> params.addAll(l.params()));
        params.sort(Comparator.comparing(p -> !p.trainable()));
        long offset = 0;
        for (Param p : params) {
            out.put(p.name(), flat.get(NDArrayIndex.interval(offset, offset + p.size())).reshape('c', p.shape()));
            offset += p.size();
        }
        return out;
    }

    /**
     * Starts an epoch's dropout masks from a seed of their own, so that an epoch's masks depend on
     * the seed given here alone and a trial resumed at this epoch draws the masks an uninterrupted
     * one would have drawn.
     */
    public void startEpoch(long dropoutSeed) {
        dropoutRandom.setSeed(dropoutSeed);
    }

    /** Everything training changes: weights and statistics, Adam's moments and step count. */
    public record TrainingState(INDArray values, INDArray adamState, int iteration) {
    }

    /** The training state to save for resuming: live views, valid until the next step. */
    public TrainingState trainingState() {
        return new TrainingState(values, adamState, iteration);
    }

    /** Continues from a saved {@link #trainingState()} of a network of the same spec. */
    public void restore(TrainingState state) {
        requireLength("weights", state.values(), values);
        requireLength("Adam state", state.adamState(), adamState);
        values.assign(state.values().reshape(values.shape()));
        adamState.assign(state.adamState().reshape(adamState.shape()));
        iteration = state.iteration();
    }

    private void requireLength(String what, INDArray saved, INDArray own) {
        if (saved.length() != own.length()) {
            throw new IllegalArgumentException("saved " + what + " have " + saved.length() + " values, the model "
                    + spec.architecture().key() + " has " + own.length());
        }
    }

    /** Saves weights and statistics in ND4J's binary format, atomically (temp file, then rename). */
    public void save(Path file) throws IOException {
        AtomicFile.replace(file, tmp -> Nd4j.saveBinary(values, tmp.toFile()));
    }

    /** Loads what {@link #save} wrote, from a network of the same spec. */
    public void load(Path file) throws IOException {
        INDArray saved = Nd4j.readBinary(file.toFile());
        if (saved.length() != values.length()) {
            throw new IOException("weights in " + file + " have " + saved.length() + " values, the model "
                    + spec.architecture().key() + " has " + values.length());
        }
        values.assign(saved.reshape(values.shape()));
    }

    /** How many weights and statistics there are. */
    public long valueCount() {
        return values.length();
    }

    /** How many weights and statistics are NaN or infinite: none in a network that can predict. */
    public long nonFiniteValues() {
        INDArray bad = values.isNaN().castTo(DataType.INT32).addi(values.isInfinite().castTo(DataType.INT32));
        return bad.sumNumber().longValue();
    }

    private INDArray forward(INDArray input, boolean training) {
        INDArray x = input;
        for (Layer layer : layers) {
            x = layer.forward(x, training);
        }
        return x;
    }

    private static void initialise(INDArray value, Param p, Random random) {
        switch (p.init()) {
            case ZEROS -> value.assign(0);
            case ONES -> value.assign(1);
            case GLOROT_UNIFORM -> {
                // Keras: fans from the last two dimensions times the receptive field of the others.
                long[] s = p.shape();
                long receptive = 1;
                for (int i = 0; i < s.length - 2; i++) {
                    receptive *= s[i];
                }
                double limit = Math.sqrt(6.0 / (receptive * s[s.length - 2] + receptive * s[s.length - 1]));
                float[] w = new float[Math.toIntExact(p.size())];
                for (int i = 0; i < w.length; i++) {
                    w[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
                }
                value.assign(Nd4j.create(w, s, 'c'));
            }
        }
    }

    /** Mean categorical cross-entropy of probabilities against one-hot labels. */
    public static double crossEntropy(INDArray probs, INDArray oneHot) {
        INDArray p = probs.mul(oneHot).sum(1);
        return -Transforms.log(Transforms.max(p, 1e-7f), false).meanNumber().doubleValue();
    }

    public static int correct(INDArray probs, INDArray oneHot) {
        return probs.argMax(1).eq(oneHot.argMax(1)).castTo(DataType.INT32).sumNumber().intValue();
    }
}
