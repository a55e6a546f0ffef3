package io.sweeper.sweep;

import java.util.List;
import java.util.Objects;

/**
 * A sweep file read successfully, with the notes it earned: keys accepted for W&amp;B compatibility
 * but not acted on, deprecated distributions, and the like. Each warning reads like an error,
 * {@code file:line: key: message}.
 */
public record LoadedSweep(SweepSpec spec, List<String> warnings) {
    public LoadedSweep {
        Objects.requireNonNull(spec, "spec");
        warnings = List.copyOf(warnings);
    }
}
