package org.kora.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextEncodingTest {
    @TempDir
    Path dir;

    private Path write(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("file.csv"), bytes);
    }

    @Test
    void byteOrderMarkMeansUtf8() throws IOException {
        assertThat(TextEncoding.detect(write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'})))
                .isEqualTo(TextEncoding.UTF8_BOM);
    }

    @Test
    void validUtf8IsUtf8() throws IOException {
        assertThat(TextEncoding.detect(write("工号,姓名\n1,䶮 𠈌 བསྟན\n".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(TextEncoding.UTF8);
    }

    @Test
    void chineseInGbkIsGb18030() throws IOException {
        assertThat(TextEncoding.detect(write("工号,姓名\n1,次仁央宗\n".getBytes(Charset.forName("GBK")))))
                .isEqualTo(TextEncoding.GB18030);
    }

    /** The bytes that make a file not UTF-8 may come long after the first buffer. */
    @Test
    void gbkTextAfterAMegabyteOfAsciiIsStillFound() throws IOException {
        var ascii = "T0001,Dolma,Lhunzhub,Anaesthesia\n".repeat(40_000);
        assertThat(TextEncoding.detect(write((ascii + "T9,卓玛\n").getBytes(Charset.forName("GB18030")))))
                .isEqualTo(TextEncoding.GB18030);
    }

    /** A four-byte character cut by the edge of a read buffer is still valid UTF-8. */
    @Test
    void utf8CharacterAcrossBufferEdgesIsUtf8() throws IOException {
        for (var padding = 65_530; padding < 65_540; padding++) {
            var text = "a".repeat(padding) + "𠈌";
            assertThat(TextEncoding.detect(write(text.getBytes(StandardCharsets.UTF_8)))).as("padding %d", padding)
                    .isEqualTo(TextEncoding.UTF8);
        }
    }

    @Test
    void truncatedUtf8AtTheEndIsNotUtf8() throws IOException {
        var bytes = "卓".getBytes(StandardCharsets.UTF_8);
        assertThat(TextEncoding.detect(write(new byte[] {'a', bytes[0], bytes[1]}))).isEqualTo(TextEncoding.GB18030);
    }
}
