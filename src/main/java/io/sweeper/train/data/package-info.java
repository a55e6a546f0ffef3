/**
 * Turns a folder-per-class image set into model-ready tensors: scanning and validating the
 * folder ({@link io.sweeper.train.data.ImageFolder}), decoding and preprocessing every image once
 * through one of two pipelines ({@link io.sweeper.train.data.PipelineSpec}: the seed notebook's,
 * replicated exactly, or the corrected one), caching the result on disk
 * ({@link io.sweeper.train.data.DatasetLoader}), splitting it
 * ({@link io.sweeper.train.data.Split}) and assembling augmented NCHW batches
 * ({@link io.sweeper.train.data.BatchAssembler}).
 *
 * <p>Plain Java on {@code float[]}: nothing here depends on ND4J, so the model code decides how
 * the arrays become tensors.
 */
package io.sweeper.train.data;
