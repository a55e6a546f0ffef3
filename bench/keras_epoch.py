"""Keras' side of bench/peers-train: trains the seed notebook's lenet or mnist-cnn, layer for layer
as sweeper's io.sweeper.train.model.Architecture builds them, on the tensors bench/ExportTensors.java
wrote from sweeper's own pipeline and split, and prints one JSON line: seconds per epoch (training
plus validation, as sweeper's epoch_seconds), training and validation accuracy per epoch.

Same settings as sweeper's side: batch 64, Adam(1e-3, eps 1e-7), categorical cross-entropy on one-hot
labels, batch norm momentum 0.99 / eps 1e-3, dropout 0.4, validation in batches of 512 (sweeper's
Trainer.EVAL_BATCH), glorot-uniform kernels, zero biases; TensorFlow's default (no XLA on a CPU).

Usage: keras_epoch.py DATA_DIR MODEL THREADS EPOCHS [ACTIVATION [TEMPERATURE]]
"""
import json
import sys
import time

data_dir, model_name, threads, epochs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
activation = sys.argv[5] if len(sys.argv) > 5 else "relu"
temperature = float(sys.argv[6]) if len(sys.argv) > 6 else 1.0

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

# Before any op runs: TensorFlow's pools are fixed once created.
tf.config.threading.set_intra_op_parallelism_threads(threads)
tf.config.threading.set_inter_op_parallelism_threads(threads)
import keras  # noqa: E402
from keras import layers  # noqa: E402

keras.utils.set_random_seed(42)
x_train = np.load(f"{data_dir}/x_train.npy")
x_val = np.load(f"{data_dir}/x_val.npy")
classes = int(max(np.load(f"{data_dir}/y_train.npy").max(), np.load(f"{data_dir}/y_val.npy").max())) + 1
y_train = keras.utils.to_categorical(np.load(f"{data_dir}/y_train.npy"), classes)
y_val = keras.utils.to_categorical(np.load(f"{data_dir}/y_val.npy"), classes)


def conv(filters, kernel, strides=1, padding="valid"):
    return layers.Conv2D(filters, kernel, strides=strides, padding=padding, activation=activation)


def lenet():
    return [
        conv(6, 5, padding="same"), layers.BatchNormalization(), layers.MaxPooling2D(2, 2),
        conv(16, 5), layers.BatchNormalization(), layers.MaxPooling2D(2, 2),
        layers.Flatten(),
        layers.Dense(256, activation=activation), layers.BatchNormalization(), layers.Dropout(0.4),
        layers.Dense(128, activation=activation), layers.BatchNormalization(), layers.Dropout(0.4),
    ]


def mnist_cnn():
    return [
        conv(32, 3), layers.BatchNormalization(),
        conv(32, 3), layers.BatchNormalization(),
        conv(32, 5, 2, "same"), layers.BatchNormalization(), layers.Dropout(0.4),
        conv(64, 3), layers.BatchNormalization(),
        conv(64, 3), layers.BatchNormalization(),
        conv(64, 5, 2, "same"), layers.BatchNormalization(), layers.Dropout(0.4),
        conv(128, 4), layers.BatchNormalization(),
        layers.Flatten(), layers.Dropout(0.4),
    ]


features = {"lenet": lenet, "mnist-cnn": mnist_cnn}[model_name]()
# The temperature divides the features, as the notebook's Lambda (sweeper: temperature_at=features).
head = [layers.Lambda(lambda x: x / temperature)] if temperature != 1.0 else []
model = keras.Sequential([keras.Input(x_train.shape[1:]), *features, *head,
                          layers.Dense(classes, activation="softmax")])
model.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.Adam(), metrics=["accuracy"])


class EpochTimer(keras.callbacks.Callback):
    """Wall and process CPU time from an epoch's start to its end, which comes after its validation pass."""

    def __init__(self):
        super().__init__()
        self.seconds = []

        self.cpu_seconds = []

    def on_epoch_begin(self, epoch, logs=None):
        self.start = time.perf_counter()
        self.start_cpu = time.process_time()

    def on_epoch_end(self, epoch, logs=None):
        self.seconds.append(time.perf_counter() - self.start)
        self.cpu_seconds.append(time.process_time() - self.start_cpu)


timer = EpochTimer()
history = model.fit(x_train, y_train, batch_size=64, epochs=epochs, validation_data=(x_val, y_val),
                    validation_batch_size=512, shuffle=True, verbose=0, callbacks=[timer])
print(json.dumps({
    "epoch_seconds": timer.seconds,
    "epoch_cpu_seconds": timer.cpu_seconds,
    "accuracy": history.history["accuracy"],
    "val_accuracy": history.history["val_accuracy"],
    "parameters": model.count_params(),
    "tensorflow": tf.__version__,
    "keras": keras.__version__,
}))
