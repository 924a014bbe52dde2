package vn.phaodai.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpreadsheetReaderTest {

    @TempDir
    Path dir;

    @Test
    void utf8IsCheckedStrictlyAndTheFirstBadLineIsNamed() throws IOException {
        // Vietnamese lines long enough that multi-byte characters straddle the 64 KiB buffers.
        StringBuilder text = new StringBuilder("Họ và tên\n");
        for (int i = 0; i < 5000; i++) text.append("Nguyễn Thị Ánh Dương ").append(i).append('\n');
        Path good = dir.resolve("good.csv");
        Files.writeString(good, text);
        assertThat(SpreadsheetReader.checkUtf8(good)).isEqualTo(5001);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("Jos\u00e9\n".getBytes(Charset.forName("windows-1252")));
        Path bad = dir.resolve("bad.csv");
        Files.write(bad, bytes.toByteArray());
        assertThatThrownBy(() -> SpreadsheetReader.checkUtf8(bad)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("không phải UTF-8, dòng 5002");

        byte[] cut = "Ánh".getBytes(StandardCharsets.UTF_8);
        Path truncated = dir.resolve("truncated.csv");
        Files.write(truncated, java.util.Arrays.copyOf(cut, 1)); // half of "Á" at the end of the file
        assertThatThrownBy(() -> SpreadsheetReader.checkUtf8(truncated)).hasMessageContaining("dòng 1");

        Path noNewline = dir.resolve("one.csv");
        Files.writeString(noNewline, "a\nb");
        assertThat(SpreadsheetReader.checkUtf8(noNewline)).isEqualTo(2);
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        assertThat(SpreadsheetReader.checkUtf8(empty)).isZero();
    }

    @Test
    void aCsvLongerThanTheLimitIsRefusedBeforeItsFirstLine() throws IOException {
        Path file = dir.resolve("long.csv");
        Files.writeString(file, "a\n1\n2\n3\n");
        List<Integer> seen = new ArrayList<>();
        assertThatThrownBy(() -> SpreadsheetReader.read(file, "long.csv", 3, line -> seen.add(line.number())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("hơn 3 dòng");
        assertThat(seen).isEmpty();
        SpreadsheetReader.read(file, "long.csv", 4, line -> seen.add(line.number()));
        assertThat(seen).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aCellWithAControlCharacterOrTooLongIsRefusedNamingTheField() {
        assertThat(SpreadsheetReader.text("Thôn 1", "Tên", 10)).isEqualTo("Thôn 1");
        assertThatThrownBy(() -> SpreadsheetReader.text("Thôn\u00001", "Tên", 10)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Tên").hasMessageContaining("U+0000");
        assertThatThrownBy(() -> SpreadsheetReader.text("x".repeat(11), "Tên", 10)).hasMessageContaining("dài quá 10");
        assertThat(SpreadsheetReader.columnName(0)).isEqualTo("A");
        assertThat(SpreadsheetReader.columnName(25)).isEqualTo("Z");
        assertThat(SpreadsheetReader.columnName(26)).isEqualTo("AA");
        assertThat(SpreadsheetReader.columnName(27)).isEqualTo("AB");
    }
}
