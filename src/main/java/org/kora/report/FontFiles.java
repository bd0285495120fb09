package org.kora.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.kora.domain.KoraException;

/**
 * The two font files Kora prints and shows names with (ADR 12): WenQuanYi Micro Hei for Chinese and
 * Latin, Tibetan Machine Uni for Tibetan. They are looked up by file name in a few known folders,
 * never by scanning the system's fonts: first the folder named by the {@value #PROPERTY} system
 * property (the installers set it to the fonts they ship), then the one named by the
 * {@value #VARIABLE} environment variable, then the user's and the system's font folders.
 */
public record FontFiles(Path chinese, Path tibetan) {
    public static final String PROPERTY = "kora.fonts";
    public static final String VARIABLE = "KORA_FONTS";
    public static final String CHINESE_FILE = "wqy-microhei.ttc";
    public static final String TIBETAN_FILE = "TibetanMachineUni.ttf";

    /** The fonts of this system, or a {@link KoraException} that says what is missing and where Kora looked. */
    public static FontFiles find() {
        return find(System.getProperty(PROPERTY), System.getenv(), System.getProperty("os.name"),
                Path.of(System.getProperty("user.home")));
    }

    static FontFiles find(String property, Map<String, String> env, String osName, Path home) {
        var folders = folders(property, env, osName, home);
        return new FontFiles(locate(CHINESE_FILE, "fonts-wqy-microhei", folders),
                locate(TIBETAN_FILE, "fonts-tibetan-machine", folders));
    }

    /** The folders looked in, in order. */
    static List<Path> folders(String property, Map<String, String> env, String osName, Path home) {
        var folders = new LinkedHashSet<Path>();
        if (property != null && !property.isBlank()) {
            folders.add(Path.of(property));
        }
        var variable = env.get(VARIABLE);
        if (variable != null && !variable.isBlank()) {
            folders.add(Path.of(variable));
        }
        var os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            var localAppData = env.get("LOCALAPPDATA");
            if (localAppData != null) {
                folders.add(Path.of(localAppData, "Microsoft", "Windows", "Fonts"));
            }
            folders.add(Path.of(env.getOrDefault("WINDIR", "C:\\Windows"), "Fonts"));
        } else if (os.startsWith("mac")) {
            folders.add(home.resolve(Path.of("Library", "Fonts")));
            folders.add(Path.of("/Library/Fonts"));
        } else {
            var dataHome = env.get("XDG_DATA_HOME");
            folders.add(dataHome != null && !dataHome.isBlank() ? Path.of(dataHome, "fonts")
                    : home.resolve(Path.of(".local", "share", "fonts")));
            folders.add(home.resolve(".fonts"));
            // Debian and Ubuntu, Fedora, Arch: where their packages put the two files
            folders.add(Path.of("/usr/share/fonts/truetype/wqy"));
            folders.add(Path.of("/usr/share/fonts/truetype/tibetan-machine"));
            folders.add(Path.of("/usr/share/fonts/wqy-microhei"));
            folders.add(Path.of("/usr/share/fonts/wenquanyi/wqy-microhei"));
            folders.add(Path.of("/usr/share/fonts/tibetan-machine-uni"));
            folders.add(Path.of("/usr/share/fonts/TTF"));
            folders.add(Path.of("/usr/local/share/fonts"));
        }
        return new ArrayList<>(folders);
    }

    private static Path locate(String file, String linuxPackage, List<Path> folders) {
        for (var folder : folders) {
            var candidate = folder.resolve(file);
            if (Files.isRegularFile(candidate) && Files.isReadable(candidate)) {
                return candidate;
            }
        }
        var looked = folders.stream().map(Path::toString).collect(Collectors.joining(", "));
        throw new KoraException("fonts.missing", file, linuxPackage, looked);
    }
}
