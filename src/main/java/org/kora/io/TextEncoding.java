package org.kora.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The encodings a CSV file may come in, and how to tell them apart. A UTF-8 byte order mark
 * decides at once. Otherwise the whole file is decoded as strict UTF-8: GBK and GB18030 text fails
 * that almost always over a whole file, though single short names sometimes pass (FACTS.md), so
 * the test is per file, never per cell. GB18030 rather than GBK, because only GB18030 has the
 * rare name characters (䶮, 𠈌); it is a superset of GBK.
 */
enum TextEncoding {
    UTF8_BOM("UTF-8 BOM", StandardCharsets.UTF_8, 3),
    UTF8("UTF-8", StandardCharsets.UTF_8, 0),
    GB18030("GB18030", Charset.forName("GB18030"), 0);

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final String label;
    private final Charset charset;
    private final int bomLength;

    TextEncoding(String label, Charset charset, int bomLength) {
        this.label = label;
        this.charset = charset;
        this.bomLength = bomLength;
    }

    String label() {
        return label;
    }

    Charset charset() {
        return charset;
    }

    /** How many bytes to skip at the start of the file. */
    int bomLength() {
        return bomLength;
    }

    /** Reads the file once, in a fixed buffer, to find its encoding. */
    static TextEncoding detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            var head = in.readNBytes(3);
            if (head.length == 3 && head[0] == BOM[0] && head[1] == BOM[1] && head[2] == BOM[2]) {
                return UTF8_BOM;
            }
            return isUtf8(head, in) ? UTF8 : GB18030;
        }
    }

    private static boolean isUtf8(byte[] head, InputStream rest) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var chunk = new byte[64 * 1024];
        // room for a chunk and the few bytes of a character cut at the end of the one before
        var bytes = ByteBuffer.allocate(chunk.length + 8);
        var chars = CharBuffer.allocate(chunk.length);
        bytes.put(head);
        var end = false;
        while (!end) {
            var read = rest.read(chunk);
            end = read < 0;
            if (!end) {
                bytes.put(chunk, 0, read);
            }
            bytes.flip();
            CoderResult result;
            do {
                result = decoder.decode(bytes, chars, end);
                if (result.isError()) {
                    return false;
                }
                chars.clear();
            } while (result.isOverflow());
            bytes.compact();
        }
        return !decoder.flush(chars).isError();
    }
}
