package io.sweeper.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sweeper.SweeperException;
import org.junit.jupiter.api.Test;

class PipelineSpecTest {

    @Test
    void unknownNameSaysWhichNamesExist() {
        assertThatThrownBy(() -> new PipelineSpec("fancy", 28, false, 0))
                .isInstanceOf(SweeperException.class)
                .hasMessageContaining("'fancy'")
                .hasMessageContaining("seed")
                .hasMessageContaining("clean");
    }

    @Test
    void seedParametersAreFixed() {
        assertThatThrownBy(() -> new PipelineSpec("seed", 32, false, 0))
                .isInstanceOf(SweeperException.class).hasMessageContaining("imageSize");
        assertThatThrownBy(() -> new PipelineSpec("seed", 28, true, 0.1))
                .isInstanceOf(SweeperException.class).hasMessageContaining("crop");
    }

    @Test
    void marginWithoutCropIsDropped() {
        assertThat(PipelineSpec.clean(28, false, 0.3)).isEqualTo(PipelineSpec.clean(28, false, 0));
    }

    @Test
    void outOfRangeValuesNameTheirKey() {
        assertThatThrownBy(() -> PipelineSpec.clean(2, true, 0.1))
                .isInstanceOf(SweeperException.class).hasMessageContaining("imageSize");
        assertThatThrownBy(() -> PipelineSpec.clean(28, true, -0.1))
                .isInstanceOf(SweeperException.class).hasMessageContaining("cropMargin");
    }

    @Test
    void storedShapesAndModelInput() {
        ImagePipeline seed = ImagePipeline.of(PipelineSpec.seed());
        ImagePipeline clean = ImagePipeline.of(PipelineSpec.clean(32, true, 0.1));

        assertThat(new int[] {seed.height(), seed.width(), seed.inputSize(), seed.padTop()})
                .containsExactly(21, 28, 28, 3);
        assertThat(new int[] {clean.height(), clean.width(), clean.inputSize(), clean.padTop()})
                .containsExactly(32, 32, 32, 0);
    }
}
