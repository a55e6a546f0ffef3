package io.sweeper.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sweeper.SweeperException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrackingServerTest {
    @Test
    void theOptionWinsOverTheEnvironmentAndNeitherMeansNoTracking() {
        Map<String, String> env = Map.of("MLFLOW_TRACKING_URI", "http://env:5000");

        assertThat(TrackingServer.resolve(Optional.of("http://flag:5055/"), env).orElseThrow().url()).isEqualTo("http://flag:5055");
        assertThat(TrackingServer.resolve(Optional.empty(), env).orElseThrow().url()).isEqualTo("http://env:5000");
        assertThat(TrackingServer.resolve(Optional.empty(), Map.of())).isEmpty();
    }

    @Test
    void credentialsComeFromTheEnvironmentAndAreNeverShown() {
        TrackingServer withToken = TrackingServer.at("http://h:1", Map.of("MLFLOW_TRACKING_TOKEN", "tok123"));
        TrackingServer withPassword = TrackingServer.at("http://h:1",
                Map.of("MLFLOW_TRACKING_USERNAME", "ann", "MLFLOW_TRACKING_PASSWORD", "pw456"));

        assertThat(withToken.authorization()).contains("Bearer tok123");
        assertThat(withToken.hostCreds().getToken()).isEqualTo("tok123");
        assertThat(withPassword.authorization()).contains("Basic YW5uOnB3NDU2");
        assertThat(withPassword.hostCreds().getPassword()).isEqualTo("pw456");
        assertThat(withToken.toString() + withPassword + withToken.url()).doesNotContain("tok123").doesNotContain("pw456");
        assertThat(TrackingServer.at("http://h:1", Map.of()).authorization()).isEmpty();
    }

    @Test
    void aUrlThatIsNotHttpOrHoldsCredentialsIsRefusedInOneLine() {
        assertThatThrownBy(() -> TrackingServer.at("file:///tmp/mlruns", Map.of()))
                .isInstanceOf(SweeperException.class).hasMessageContaining("is not an http(s) URL");
        assertThatThrownBy(() -> TrackingServer.at("http://ann:pw456@h:1", Map.of()))
                .isInstanceOf(SweeperException.class).hasMessageContaining("must not hold credentials")
                .message().doesNotContain("pw456");
        assertThatThrownBy(() -> TrackingServer.at("http://h:1/a b", Map.of()))
                .isInstanceOf(SweeperException.class).hasMessageContaining("is not a URL");
    }
}
