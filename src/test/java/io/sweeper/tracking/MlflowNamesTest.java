package io.sweeper.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MlflowNamesTest {
    @Test
    void nestedParametersBecomeDottedKeysInTheirOrder() {
        Map<String, Object> optimizer = new LinkedHashMap<>();
        optimizer.put("lr", 0.01);
        optimizer.put("betas", List.of(0.9, 0.999));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("model", "lenet");
        params.put("optimizer", optimizer);

        assertThat(MlflowNames.flatten(params)).containsExactly(
                Map.entry("model", "lenet"), Map.entry("optimizer.lr", "0.01"), Map.entry("optimizer.betas", "[0.9, 0.999]"));
    }

    @Test
    void keysKeepOnlyWhatMlflowAcceptsAndValuesAreClipped() {
        assertThat(MlflowNames.key("val acc/top-1:ok.x")).isEqualTo("val acc/top-1:ok.x");
        assertThat(MlflowNames.key("loss(ema)*")).isEqualTo("loss_ema__");
        assertThat(MlflowNames.key("k".repeat(300))).hasSize(MlflowNames.MAX_KEY);
        assertThat(MlflowNames.paramValue("v".repeat(7000))).hasSize(MlflowNames.MAX_PARAM_VALUE);
        assertThat(MlflowNames.tagValue("t".repeat(9000))).hasSize(MlflowNames.MAX_TAG_VALUE);
    }
}
