import io.sweeper.train.Datasets;
import io.sweeper.train.Trainer;
import io.sweeper.train.TrialConfig;
import io.sweeper.train.data.AugmentSpec;
import io.sweeper.train.data.BatchAssembler;
import io.sweeper.train.data.LoadOptions;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the model inputs sweeper trains on (a trial's training and validation split, after its
 * pipeline, no augmentation) as NumPy .npy files, so bench/keras_epoch.py feeds Keras exactly the
 * same tensors: x_train/x_val float32 [n, S, S, 1] (one channel, so the same bytes as sweeper's
 * NCHW), y_train/y_val int32 class indices.
 * Usage: java -cp target/sweeper.jar bench/ExportTensors.java OUT_DIR CACHE_DIR [key=value ...]
 */
public class ExportTensors {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            settings.put(kv[0], kv[1]);
        }
        TrialConfig config = TrialConfig.of(settings, "ExportTensors");
        Trainer.TrialData data = new Trainer(new Datasets(LoadOptions.cachedIn(Path.of(args[1])))).prepare(config);
        Files.createDirectories(out);
        int side = data.tensors().pipeline().inputSize();
        write(data, data.train(), side, out, "train");
        write(data, data.validation(), side, out, "val");
        System.out.println(data.train().length + " training and " + data.validation().length
                + " validation images, " + data.classes() + " classes, " + side + "x" + side);
    }

    private static void write(Trainer.TrialData data, int[] indices, int side, Path out, String split)
            throws IOException {
        float[] x = BatchAssembler.images(data.tensors(), indices, AugmentSpec.none(), null);
        ByteBuffer xs = ByteBuffer.allocate(x.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        xs.asFloatBuffer().put(x);
        npy(out.resolve("x_" + split + ".npy"), "<f4", indices.length + ", " + side + ", " + side + ", 1", xs.array());
        int[] y = BatchAssembler.labels(data.tensors(), indices);
        ByteBuffer ys = ByteBuffer.allocate(y.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        ys.asIntBuffer().put(y);
        npy(out.resolve("y_" + split + ".npy"), "<i4", y.length + ",", ys.array());
    }

    /** NumPy format 1.0: magic, version, header length, a dict padded to 64 bytes, raw data. */
    private static void npy(Path file, String dtype, String shape, byte[] body) throws IOException {
        String dict = "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': (" + shape + "), }";
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        try (OutputStream os = Files.newOutputStream(file); DataOutputStream d = new DataOutputStream(os)) {
            d.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            d.write(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) header.length()).array());
            d.write(header.getBytes(StandardCharsets.US_ASCII));
            d.write(body);
        }
    }
}
