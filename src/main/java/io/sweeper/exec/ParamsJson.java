package io.sweeper.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** A trial's configuration as stored in {@code trial.params_json}. */
final class ParamsJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ParamsJson() {
    }

    static String toJson(Map<String, Object> params) {
        try {
            return JSON.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> fromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored parameters are not JSON: " + json, e);
        }
    }
}
