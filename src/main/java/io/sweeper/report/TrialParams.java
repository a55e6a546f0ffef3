package io.sweeper.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sweeper.sweep.ConfigValues;
import io.sweeper.sweep.PythonText;
import java.util.Map;
import java.util.stream.Collectors;

/** A trial's configuration as the store keeps it ({@code params_json}), read and shown. */
public final class TrialParams {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrialParams() {
    }

    /**
     * The configuration in the order it was stored, with the value types a sweep's configuration
     * holds ({@link ConfigValues}), so it compares equal to the one search suggested.
     */
    public static Map<String, Object> parse(String paramsJson) {
        try {
            return ConfigValues.normalizeMap(JSON.readValue(paramsJson, new TypeReference<Map<String, Object>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored trial parameters are not a JSON object: " + paramsJson, e);
        }
    }

    /**
     * {@code key=value} pairs on one line, values spelt as the trial's command line gets them
     * ({@code ${args}}), so what {@code show} lists is what a trial was run with.
     */
    public static String compact(Map<String, Object> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + PythonText.str(e.getValue()))
                .collect(Collectors.joining(" "));
    }
}
