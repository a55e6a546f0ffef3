package io.sweeper.tracking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sweeper's names and values as MLflow accepts them: keys of alphanumerics, {@code _ - . : / }
 * and spaces, at most 250 characters; param values at most 6000 and tag values at most 8000
 * characters (mlflow/utils/validation.py, MLflow 2.17). Nested parameters become dotted keys, as
 * W&B shows them ({@code optimizer.lr}).
 */
final class MlflowNames {
    static final int MAX_KEY = 250;
    static final int MAX_PARAM_VALUE = 6000;
    static final int MAX_TAG_VALUE = 8000;

    private MlflowNames() {
    }

    static String key(String name) {
        String clean = name.replaceAll("[^A-Za-z0-9_\\-.:/ ]", "_");
        return clean.length() <= MAX_KEY ? clean : clean.substring(0, MAX_KEY);
    }

    static String paramValue(Object value) {
        return clip(text(value), MAX_PARAM_VALUE);
    }

    static String tagValue(String value) {
        return clip(value, MAX_TAG_VALUE);
    }

    /** {@code {a: 1, b: {c: 2}}} → {@code {a: "1", b.c: "2"}}, in the configuration's order. */
    static Map<String, String> flatten(Map<String, ?> params) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", params, flat);
        return flat;
    }

    private static void flatten(String prefix, Map<String, ?> params, Map<String, String> into) {
        params.forEach((name, value) -> {
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, ?> group = (Map<String, ?>) nested;
                flatten(prefix + name + ".", group, into);
            } else {
                into.put(key(prefix + name), paramValue(value));
            }
        });
    }

    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return list.toString();
        }
        return String.valueOf(value);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
