package vn.phaodai.shared;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Reads the first sheet of a .csv (UTF-8), .xls or .xlsx file row by row, as text, with 1-based line
 * numbers as a user sees them in Excel. XLSX is streamed (SAX), so a million-row sheet fits in memory.
 * <p>
 * A file that cannot be read (not UTF-8, not a spreadsheet, damaged, more rows than allowed) is refused
 * with an {@link InvalidInputException} on the field {@code file} whose message is meant for the user: it
 * names the line where it can, and never carries a file path or a library's exception text. Exceptions
 * thrown by the line handler pass through unchanged.
 */
public final class SpreadsheetReader {

    /** A row of cells as text (trimmed, NFC), numbered as in the file. */
    public record Line(int number, List<String> cells) {
        public String cell(int i) {
            return i < cells.size() ? cells.get(i) : "";
        }

        public boolean blank() {
            return cells.stream().allMatch(String::isEmpty);
        }
    }

    @FunctionalInterface
    public interface LineHandler {
        void accept(Line line) throws IOException;
    }

    private SpreadsheetReader() {
    }

    public static boolean supports(String fileName) {
        String f = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return f.endsWith(".csv") || f.endsWith(".xls") || f.endsWith(".xlsx");
    }

    /**
     * Whether the file begins as its kind of file does: an .xlsx as a zip ("PK"), an .xls as an OLE2 document; a .csv
     * is any text, so only a zip, an OLE2 document, a PDF or a picture under that name is refused. A damaged file of
     * the right kind passes: the reader says what is wrong with it.
     */
    public static boolean looksLikeItsKind(Path file, String fileName) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        String f = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (f.endsWith(".xlsx")) return startsWith(head, 'P', 'K');
        if (f.endsWith(".xls")) return startsWith(head, 0xD0, 0xCF, 0x11, 0xE0);
        return !(startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 0xD0, 0xCF, 0x11, 0xE0) || startsWith(head, '%', 'P', 'D', 'F')
                || startsWith(head, 0x89, 'P', 'N', 'G') || startsWith(head, 0xFF, 0xD8, 0xFF) || startsWith(head, 'G', 'I', 'F', '8'));
    }

    private static boolean startsWith(byte[] head, int... signature) {
        if (head.length < signature.length) return false;
        for (int i = 0; i < signature.length; i++) if ((head[i] & 0xFF) != signature[i]) return false;
        return true;
    }

    /** Reads every line, the header included, in order, without a limit on the number of rows. */
    public static void read(Path file, String fileName, LineHandler handler) throws IOException {
        read(file, fileName, Long.MAX_VALUE, handler);
    }

    /**
     * Reads every line, the header included, in order; a file of more than {@code maxRows} rows (the header
     * included) is refused, a CSV before its first line is handed over.
     */
    public static void read(Path file, String fileName, long maxRows, LineHandler handler) throws IOException {
        String f = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (f.endsWith(".csv")) {
            long lines = checkUtf8(file);
            if (lines > maxRows) throw tooManyRows(maxRows);
            try (InputStream in = Files.newInputStream(file)) {
                readCsv(in, maxRows, handler);
            }
        } else if (f.endsWith(".xlsx")) {
            long declared = declaredRows(file, fileName);
            if (declared > maxRows) throw tooManyRows(maxRows);
            readXlsx(file, maxRows, handler);
        } else if (f.endsWith(".xls")) {
            try (InputStream in = Files.newInputStream(file)) {
                readXls(in, maxRows, handler);
            }
        } else {
            throw new InvalidInputException("file", SharedTexts.get("shared.file.type"));
        }
    }

    /** The refusal of a file longer than allowed. */
    public static InvalidInputException tooManyRows(long maxRows) {
        return new InvalidInputException("file",
                SharedTexts.get("shared.file.tooManyRows", String.format(Locale.ROOT, "%,d", maxRows).replace(',', '.')));
    }

    /**
     * The rows a file says it has, read without reading the rows: an XLSX's declared dimension
     * ({@code <dimension ref="A1:O1048576"/>}); -1 when unknown or for another kind of file.
     */
    public static long declaredRows(Path file, String fileName) {
        if (fileName == null || !fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) return -1;
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            var entry = zip.getEntry("xl/worksheets/sheet1.xml");
            if (entry == null) return -1;
            try (InputStream in = zip.getInputStream(entry)) {
                String head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
                Matcher m = DIMENSION.matcher(head);
                return m.find() ? Long.parseLong(m.group(1)) : -1;
            }
        } catch (IOException | RuntimeException e) {
            return -1; // not a readable zip: the reader says so in its own words
        }
    }

    private static final Pattern DIMENSION = Pattern.compile("<(?:\\w+:)?dimension\\s+ref=\"[A-Z]+\\d+(?::[A-Z]+(\\d{1,9}))?\"");

    /**
     * Checks that a text file is UTF-8 throughout, decoding strictly ({@link CodingErrorAction#REPORT}), and returns
     * its number of lines; the refusal names the first line that is not UTF-8.
     */
    static long checkUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long newlines = 0;
        boolean any = false, endsWithNewline = false;
        try (var channel = Files.newByteChannel(file)) {
            boolean eof = false;
            while (!eof) {
                eof = channel.read(in) < 0;
                in.flip();
                while (true) {
                    CoderResult r = decoder.decode(in, out, eof);
                    out.flip();
                    while (out.hasRemaining()) {
                        char c = out.get();
                        if (c == '\n') newlines++;
                        endsWithNewline = c == '\n';
                        any = true;
                    }
                    out.clear();
                    if (r.isError()) {
                        throw new InvalidInputException("file", SharedTexts.get("shared.file.notUtf8", String.valueOf(newlines + 1)));
                    }
                    if (r.isUnderflow()) break;
                }
                in.compact();
            }
        }
        if (!any) return 0;
        return endsWithNewline ? newlines : newlines + 1;
    }

    private static void readCsv(InputStream in, long maxRows, LineHandler handler) throws IOException {
        Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') reader.reset(); // Excel writes a byte-order mark
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
        int number = 0;
        var records = format.parse(reader).iterator();
        while (true) {
            CSVRecord r;
            try {
                if (!records.hasNext()) break;
                r = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                // Commons CSV's own words (an unclosed quote, most often) name its parser, not the user's file
                throw new InvalidInputException("file", SharedTexts.get("shared.file.openQuote", String.valueOf(number)));
            }
            number++;
            if (number > maxRows) throw tooManyRows(maxRows);
            List<String> cells = new ArrayList<>(r.size());
            for (String v : r) cells.add(clean(v));
            handler.accept(new Line(number, cells));
        }
    }

    /**
     * Reads .xls through POI's record events rather than its workbook model: the GSO's own file lacks
     * records the model insists on (WindowTwo), and events also use less memory.
     */
    private static void readXls(InputStream in, long maxRows, LineHandler handler) throws IOException {
        TreeMap<Integer, TreeMap<Integer, String>> rows = new TreeMap<>();
        List<String> sst = new ArrayList<>();
        int[] worksheet = {-1};
        HSSFRequest request = new HSSFRequest();
        request.addListenerForAllRecords(record -> {
            if (record instanceof BOFRecord bof && bof.getType() == BOFRecord.TYPE_WORKSHEET) worksheet[0]++;
            if (record instanceof SSTRecord s) {
                for (int i = 0; i < s.getNumUniqueStrings(); i++) sst.add(s.getString(i).getString());
            }
            if (worksheet[0] != 0) return; // the first sheet only
            if (record instanceof LabelSSTRecord l) {
                put(rows, l.getRow(), l.getColumn(), sst.get(l.getSSTIndex()));
            } else if (record instanceof LabelRecord l) {
                put(rows, l.getRow(), l.getColumn(), l.getValue());
            } else if (record instanceof NumberRecord n) {
                put(rows, n.getRow(), n.getColumn(), number(n.getValue()));
            } else if (record instanceof FormulaRecord f && f.getCachedResultType() == 0) {
                put(rows, f.getRow(), f.getColumn(), number(f.getValue()));
            }
            if (rows.size() > maxRows || (!rows.isEmpty() && rows.lastKey() >= maxRows)) throw new TooManyRows();
        });
        try (POIFSFileSystem fs = new POIFSFileSystem(in)) {
            new HSSFEventFactory().processWorkbookEvents(request, fs);
        } catch (TooManyRows e) {
            throw tooManyRows(maxRows);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("file", SharedTexts.get("shared.file.badXls"));
        }
        if (rows.size() > maxRows || (!rows.isEmpty() && rows.lastKey() >= maxRows)) throw tooManyRows(maxRows);
        for (var row : rows.entrySet()) {
            List<String> cells = new ArrayList<>();
            for (var cell : row.getValue().entrySet()) {
                while (cells.size() < cell.getKey()) cells.add("");
                cells.add(clean(cell.getValue()));
            }
            handler.accept(new Line(row.getKey() + 1, cells));
        }
    }

    private static void put(TreeMap<Integer, TreeMap<Integer, String>> rows, int row, int column, String value) {
        rows.computeIfAbsent(row, r -> new TreeMap<>()).put(column, value);
    }

    /** Stops reading a file found to be longer than allowed. */
    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static void readXlsx(Path file, long maxRows, LineHandler handler) throws IOException {
        RowCollector collector = new RowCollector(handler, maxRows);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            var strings = new ReadOnlySharedStringsTable(pkg);
            var styles = reader.getStylesTable();
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, collector, new DataFormatter(), false));
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) throw new InvalidInputException("file", SharedTexts.get("shared.file.noSheet"));
            try (InputStream sheet = sheets.next()) {
                parser.parse(new InputSource(sheet));
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (Exception e) {
            // The handler's own failure stopped the parser; anything else is a damaged file or not an XLSX
            if (collector.failure instanceof IOException io) throw io;
            if (collector.failure instanceof RuntimeException r) throw r;
            if (collector.failure instanceof Error err) throw err;
            throw new InvalidInputException("file", collector.rows > 0
                    ? SharedTexts.get("shared.file.badXlsxAfter", String.valueOf(collector.rows)) : SharedTexts.get("shared.file.badXlsx"));
        }
        if (collector.failure instanceof IOException io) throw io;
        if (collector.failure instanceof RuntimeException r) throw r;
    }

    /** The refusal of a header row with two columns for the same field: which one holds the data is anyone's guess. */
    public static InvalidInputException duplicateHeader(String first, int firstAt, String second, int secondAt) {
        String where = first.equals(second)
                ? SharedTexts.get("shared.file.sameHeaderTwice", first, columnName(firstAt), columnName(secondAt))
                : SharedTexts.get("shared.file.sameHeaderTwoWays", first, columnName(firstAt), second, columnName(secondAt));
        return new InvalidInputException("file", SharedTexts.get("shared.file.duplicateHeader", where));
    }

    /** The letter of a column as Excel shows it (0 is A, 26 is AA). */
    public static String columnName(int index) {
        StringBuilder b = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) b.insert(0, (char) ('A' + (i - 1) % 26));
        return b.toString();
    }

    /**
     * A cell's text as an import may keep it: no control characters (NUL cannot even be stored), at most
     * {@code maxLength} characters. A cell that is neither is refused naming the field, so that its row is
     * refused and not the file.
     */
    public static String text(String value, String field, int maxLength) {
        if (value == null) return "";
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                throw new InvalidInputException(field, SharedTexts.get("shared.cell.control", field,
                        String.format("U+%04X", (int) c), String.valueOf(i + 1)));
            }
        }
        if (value.length() > maxLength) {
            throw new InvalidInputException(field, SharedTexts.get("shared.cell.tooLong", field, String.valueOf(maxLength),
                    String.valueOf(value.length())));
        }
        return value;
    }

    private static String clean(String v) {
        if (v == null) return "";
        String t = v.strip();
        return Normalizer.isNormalized(t, Normalizer.Form.NFC) ? t : Normalizer.normalize(t, Normalizer.Form.NFC);
    }

    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final LineHandler handler;
        private final long maxRows;
        private List<String> cells;
        private Throwable failure;
        private long rows;

        RowCollector(LineHandler handler, long maxRows) {
            this.handler = handler;
            this.maxRows = maxRows;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
            if (rowNum >= maxRows) stop(tooManyRows(maxRows));
        }

        @Override
        public void endRow(int rowNum) {
            rows = rowNum + 1;
            try {
                handler.accept(new Line(rowNum + 1, cells));
            } catch (IOException | RuntimeException | Error e) {
                stop(e);
            }
        }

        /** Ends the parse at once: SAX has no other way out of a handler. */
        private void stop(Throwable cause) {
            failure = cause;
            throw new StopReading();
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            // some writers leave out the reference: the cell is then the next one; a repeated one replaces the first
            int col = ref == null ? cells.size() : new org.apache.poi.ss.util.CellReference(ref).getCol();
            while (cells.size() < col) cells.add("");
            if (col < cells.size()) cells.set(col, clean(value));
            else cells.add(clean(value));
        }
    }

    /** Unwinds the SAX parser after the handler failed or the file proved too long. */
    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }
}
