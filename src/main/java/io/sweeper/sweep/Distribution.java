package io.sweeper.sweep;

import java.util.Optional;

/**
 * What one parameter's values are drawn from. Each implementation validates itself on
 * construction (throwing {@link InvalidSpecException}) and defines the distribution's meaning once,
 * as W&amp;B's {@code params.py} does: sampling is {@link #quantile} of a uniform draw, and grid search
 * walks {@link #gridAxis}.
 */
public sealed interface Distribution
        permits Constant, Categorical, WeightedCategorical, IntUniform, UniformRange, Normal, Beta {

    DistributionKind kind();

    /**
     * The value at cumulative probability {@code u} (W&amp;B's {@code ppf}): a uniform draw of
     * {@code u} in the open interval (0, 1) gives a sample of the distribution. Integers come back
     * as {@code Long}, reals as {@code Double}, categorical values as listed.
     */
    Object quantile(double u);

    /**
     * The values grid search enumerates, in order: a constant's value, the listed values, every
     * integer of an int_uniform, every multiple of q in a q_uniform. Empty for the continuous
     * distributions and for categorical_w_probabilities, which W&amp;B's grid search refuses too.
     */
    Optional<GridAxis> gridAxis();

    /** One line for {@code sweeper validate}: the kind and its range or values. */
    String describe();
}
