package org.kora.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.kora.domain.Role;
import org.kora.domain.SignOffLevel;
import org.kora.ui.main.Area;

/** Every text exists in both languages, every key in the bundles is used, every key used exists. */
class I18nBundlesTest {
    private static final Path BUNDLES = Path.of("src/main/resources/org/kora/i18n");
    private static final Pattern JAVA_KEY = Pattern.compile("\"([a-z]+(?:\\.[a-zA-Z][a-zA-Z0-9]*)+)\"");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([a-zA-Z.]+)\"");

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("messages_zh.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyKeyUsedInCodeOrFxmlExists() throws IOException {
        var defined = load("messages.properties").stringPropertyNames();
        // a literal counts as a key when it starts like one ("login.", "store." …), not "java.version"
        var prefixes = defined.stream().map(key -> key.substring(0, key.indexOf('.') + 1)).collect(Collectors.toSet());
        var missing = usedKeys().stream().filter(key -> prefixes.stream().anyMatch(key::startsWith))
                .collect(Collectors.toCollection(TreeSet::new));
        missing.removeAll(defined);
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyInTheBundlesIsUsed() throws IOException {
        var unused = new TreeSet<>(load("messages.properties").stringPropertyNames());
        unused.removeAll(usedKeys());
        assertThat(unused).isEmpty();
    }

    @Test
    void bothLanguagesTakeTheSameArguments() throws IOException {
        var english = load("messages.properties");
        var chinese = load("messages_zh.properties");
        for (var key : english.stringPropertyNames()) {
            assertThat(argumentCount(chinese.getProperty(key))).as(key).isEqualTo(argumentCount(english.getProperty(key)));
        }
    }

    private static int argumentCount(String pattern) {
        return new MessageFormat(pattern, Locale.ROOT).getFormatsByArgumentIndex().length;
    }

    /** Keys named in Java literals or FXML, and those made from enum names. */
    private static Set<String> usedKeys() throws IOException {
        var used = new HashSet<String>();
        used.addAll(matches(Path.of("src/main/java"), ".java", JAVA_KEY));
        used.addAll(matches(Path.of("src/main/resources"), ".fxml", FXML_KEY));
        Arrays.stream(Role.values()).map(role -> "role." + role.name().toLowerCase(Locale.ROOT)).forEach(used::add);
        Arrays.stream(Area.values()).flatMap(area -> Stream.of(area.nameKey(), area.placeholderKey())).forEach(used::add);
        Arrays.stream(SignOffLevel.values()).map(SignOffLevel::messageKey).forEach(used::add);
        return used;
    }

    private static Set<String> matches(Path root, String extension, Pattern pattern) throws IOException {
        try (var files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(extension)).flatMap(file -> {
                try {
                    return pattern.matcher(Files.readString(file)).results().map(match -> match.group(1));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.toSet());
        }
    }

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
