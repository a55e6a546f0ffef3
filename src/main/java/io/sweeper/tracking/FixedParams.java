package io.sweeper.tracking;

import io.sweeper.sweep.Constant;
import io.sweeper.sweep.ParameterSpec;
import io.sweeper.sweep.SweepSpec;
import io.sweeper.store.TrackingTarget;
import java.util.LinkedHashMap;
import java.util.Map;

/** The parent run's params: the sweep's constant parameters ({@code value: x}), dotted when nested. */
public final class FixedParams {
    private FixedParams() {
    }

    public static Map<String, String> of(SweepSpec spec) {
        Map<String, String> fixed = new LinkedHashMap<>();
        for (ParameterSpec.Leaf leaf : spec.leaves()) {
            if (leaf.distribution() instanceof Constant constant) {
                fixed.put(MlflowNames.key(leaf.dottedPath()), MlflowNames.paramValue(constant.value()));
            }
        }
        return fixed;
    }

    /** What the store needs to mirror a new sweep of {@code spec} into {@code server}. */
    public static TrackingTarget target(TrackingServer server, SweepSpec spec) {
        return new TrackingTarget(server.url(), of(spec));
    }
}
