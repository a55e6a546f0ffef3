package io.sweeper.sweep;

import java.util.Locale;

/** Whether a sweep's metric is better when lower or higher (W&B's {@code metric.goal}). */
public enum Goal {
    MINIMIZE,
    MAXIMIZE;

    /** The word stored in {@code sweep.metric_goal} and written in sweep files. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Goal fromWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }

    /** True when {@code candidate} beats {@code incumbent}; NaN (a diverged run) never does. */
    public boolean isBetter(double candidate, double incumbent) {
        if (Double.isNaN(candidate)) {
            return false;
        }
        if (Double.isNaN(incumbent)) {
            return true;
        }
        return this == MINIMIZE ? candidate < incumbent : candidate > incumbent;
    }
}
