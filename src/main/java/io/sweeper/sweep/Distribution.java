package io.sweeper.sweep;

import java.util.Optional;
import java.util.OptionalDouble;

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
     * Where {@code value} sits on the cumulative scale, the inverse of {@link #quantile}: a u in
     * [0, 1] with {@code quantile(u)} equal to the value. For continuous kinds it is the CDF
     * (W&amp;B's {@code cdf}), on the log scale for the log kinds; for discrete ones (categorical,
     * int_uniform) it is the middle of the value's cell, so that a model working on [0, 1] sees the
     * values evenly spaced and rounding errors never move a value into its neighbour's cell. A
     * quantised value maps to the CDF of the multiple itself. Empty when the distribution cannot
     * produce the value (not a listed value, not a number, a log-scale value that is not positive):
     * a configuration from before the sweep file was edited.
     */
    OptionalDouble inverseQuantile(Object value);

    /**
     * The values grid search enumerates, in order: a constant's value, the listed values, every
     * integer of an int_uniform, every multiple of q in a q_uniform. Empty for the continuous
     * distributions and for categorical_w_probabilities, which W&amp;B's grid search refuses too.
     */
    Optional<GridAxis> gridAxis();

    /** One line for {@code sweeper validate}: the kind and its range or values. */
    String describe();
}
