package io.sweeper.train.data;

/** A loaded data set and how it was loaded. */
public record LoadResult(ImageTensors tensors, LoadReport report) {
}
