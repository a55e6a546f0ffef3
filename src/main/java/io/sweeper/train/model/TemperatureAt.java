package io.sweeper.train.model;

import java.util.Locale;

/**
 * Where the softmax temperature T divides (parameter {@code temperature_at}).
 *
 * <ul>
 *   <li>{@code logits} (default): softmax(z / T) — the textbook temperature; at T > 1 the output
 *       distribution is softer and the cross-entropy gradient on the logits is scaled by 1/T.</li>
 *   <li>{@code features}: the notebook's placement, a {@code Lambda(x / T)} <em>before</em> the last
 *       Dense layer. Because that Dense layer is linear with a bias, this only rescales its input:
 *       the layer can learn weights T× larger and undo it, so it acts mostly as a different
 *       effective learning rate and initial scale of the output layer, not as a true temperature.</li>
 * </ul>
 */
public enum TemperatureAt {
    LOGITS, FEATURES;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
