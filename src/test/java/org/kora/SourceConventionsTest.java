package org.kora;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/** Conventions ArchUnit cannot see, read from the sources themselves. */
class SourceConventionsTest {
    private static final Pattern STAR_IMPORT = Pattern.compile("(?m)^import\\s+(static\\s+)?[\\w.]+\\.\\*;");
    private static final Pattern SET_STYLE = Pattern.compile("\\.setStyle\\(");

    @Test
    void noSourceUsesStarImports() throws IOException {
        assertThat(javaSources().filter(file -> STAR_IMPORT.matcher(read(file)).find()).toList()).isEmpty();
    }

    @Test
    void noFeatureCodeSetsInlineStyles() throws IOException {
        try (var files = Files.walk(Path.of("src/main/java"))) {
            assertThat(files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> SET_STYLE.matcher(read(file)).find()).toList()).isEmpty();
        }
    }

    /**
     * A long message (a disk that refuses a write says what happened, what is safe and what to do)
     * in a row of buttons took the room it wanted: the buttons shrank to "…" and the message was cut.
     * An error line in a row takes the room the others leave and wraps, and the row keeps the height
     * its lines need.
     */
    @Test
    void everyErrorLineInARowWrapsInTheRoomTheOthersLeave()
            throws IOException, ParserConfigurationException, SAXException {
        var wanted = Map.of("wrapText", "true", "minWidth", "0", "prefWidth", "0", "maxWidth", "Infinity",
                "HBox.hgrow", "ALWAYS");
        var wrong = new ArrayList<String>();
        var checked = 0;
        try (var files = Files.walk(Path.of("src/main/resources"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".fxml")).toList()) {
                var labels = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                        .getElementsByTagName("Label");
                for (var i = 0; i < labels.getLength(); i++) {
                    var label = (Element) labels.item(i);
                    if (List.of(label.getAttribute("styleClass").split(" ")).contains("error-text")
                            && label.getParentNode().getNodeName().equals("HBox")) {
                        checked++;
                        wanted.forEach((name, value) -> {
                            if (!label.getAttribute(name).equals(value)) {
                                wrong.add(file.getFileName() + " " + label.getAttribute("fx:id") + " " + name);
                            }
                        });
                        if (!((Element) label.getParentNode()).getAttribute("minHeight").equals("-Infinity")) {
                            wrong.add(file.getFileName() + " " + label.getAttribute("fx:id") + " row's minHeight");
                        }
                    }
                }
            }
        }
        assertThat(checked).as("error lines in rows").isPositive();
        assertThat(wrong).isEmpty();
    }

    private static Stream<Path> javaSources() throws IOException {
        return Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/test/java")))
                .filter(file -> file.toString().endsWith(".java"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
