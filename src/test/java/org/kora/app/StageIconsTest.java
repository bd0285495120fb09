package org.kora.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every icon size the window asks for is on the class path, as a PNG of that size. */
class StageIconsTest {
    static List<Integer> sizes() {
        return StageIcons.SIZES;
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void eachWindowIconSizeIsOnTheClassPath(int size) throws IOException {
        var url = StageIcons.class.getResource(StageIcons.resource(size));

        assertThat(url).as(StageIcons.resource(size)).isNotNull();
        var image = ImageIO.read(url);
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(size);
        assertThat(image.getHeight()).isEqualTo(size);
    }
}
