package org.kora.app;

import java.util.List;

/**
 * The window's icon sizes. The PNGs come from {@code icons/} (made by {@code icons/build.sh});
 * {@code pom.xml} puts them on the class path under {@code /org/kora/icons}.
 */
final class StageIcons {
    /** In pixels: the desktop picks among these for the title bar, task bar and task switcher. */
    static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private StageIcons() {
    }

    static String resource(int size) {
        return "/org/kora/icons/kora-" + size + ".png";
    }
}
