package org.kora.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/** The raw XML parts of an .xlsx file, for what a reader does not show: formulas, styles, frozen panes. */
final class XlsxParts {
    private final Map<String, String> parts;

    private XlsxParts(Map<String, String> parts) {
        this.parts = parts;
    }

    static XlsxParts of(byte[] xlsx) throws IOException {
        // from a file through its central directory: fastexcel streams its entries with sizes that
        // follow the data, which ZipInputStream does not read
        var file = Files.createTempFile("kora-parts", ".xlsx");
        try {
            Files.write(file, xlsx);
            var parts = new HashMap<String, String>();
            try (var zip = new ZipFile(file.toFile())) {
                for (var entry : Collections.list(zip.entries())) {
                    try (var in = zip.getInputStream(entry)) {
                        parts.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
            return new XlsxParts(parts);
        } finally {
            Files.delete(file);
        }
    }

    /** A part's text, for instance {@code xl/worksheets/sheet1.xml}. */
    String part(String name) {
        return parts.get(name);
    }

    /** The fill colour of a cell ({@code D3}) of a sheet (1, 2 …) as six hex digits, lower case; null if none. */
    String fill(int sheet, String cell) throws IOException {
        var xf = cellFormat(sheet, cell);
        if (xf == null) {
            return null;
        }
        var fills = (Element) styles().getElementsByTagName("fills").item(0);
        var fill = (Element) fills.getElementsByTagName("fill").item(Integer.parseInt(xf.getAttribute("fillId")));
        var colours = fill.getElementsByTagName("fgColor");
        if (colours.getLength() == 0) {
            return null;
        }
        var rgb = ((Element) colours.item(0)).getAttribute("rgb").toLowerCase(Locale.ROOT);
        return rgb.length() == 8 ? rgb.substring(2) : rgb;
    }

    /** The number format code of a cell ({@code D3}) of a sheet (1, 2 …); null if it has none of its own. */
    String numberFormat(int sheet, String cell) throws IOException {
        var xf = cellFormat(sheet, cell);
        if (xf == null) {
            return null;
        }
        var formats = styles().getElementsByTagName("numFmt");
        for (var index = 0; index < formats.getLength(); index++) {
            var format = (Element) formats.item(index);
            if (format.getAttribute("numFmtId").equals(xf.getAttribute("numFmtId"))) {
                return format.getAttribute("formatCode");
            }
        }
        return null;
    }

    /** The cell's {@code xf} element in the styles part; null for a cell without a style. */
    private Element cellFormat(int sheet, String cell) throws IOException {
        var cells = document(part("xl/worksheets/sheet" + sheet + ".xml")).getElementsByTagName("c");
        for (var index = 0; index < cells.getLength(); index++) {
            var element = (Element) cells.item(index);
            if (element.getAttribute("r").equals(cell) && !element.getAttribute("s").isEmpty()) {
                var cellXfs = (Element) styles().getElementsByTagName("cellXfs").item(0);
                return (Element) cellXfs.getElementsByTagName("xf").item(Integer.parseInt(element.getAttribute("s")));
            }
        }
        return null;
    }

    private Document styles() throws IOException {
        return document(part("xl/styles.xml"));
    }

    private static Document document(String xml) throws IOException {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            InputStream in = new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
            return factory.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(e);
        }
    }
}
