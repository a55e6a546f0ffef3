package io.sweeper.store;

import java.util.Objects;

/** A configuration to queue: its number in the sweep (1, 2, …) and its parameters as JSON. */
public record NewTrial(int number, String paramsJson) {
    public NewTrial {
        Objects.requireNonNull(paramsJson, "paramsJson");
    }
}
