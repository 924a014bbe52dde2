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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Reads the first sheet of a .csv (UTF-8), .xls or .xlsx file row by row, as text, with 1-based line
 * numbers as a user sees them in Excel. XLSX is streamed (SAX), so a million-row sheet fits in memory.
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

    /** Reads every line, the header included, in order. */
    public static void read(Path file, String fileName, LineHandler handler) throws IOException {
        String f = fileName.toLowerCase(Locale.ROOT);
        if (f.endsWith(".csv")) {
            try (InputStream in = java.nio.file.Files.newInputStream(file)) {
                readCsv(in, handler);
            }
        } else if (f.endsWith(".xlsx")) {
            readXlsx(file, handler);
        } else if (f.endsWith(".xls")) {
            try (InputStream in = java.nio.file.Files.newInputStream(file)) {
                readXls(in, handler);
            }
        } else {
            throw new IllegalArgumentException("Chỉ nhận tệp .csv, .xls hoặc .xlsx");
        }
    }

    private static void readCsv(InputStream in, LineHandler handler) throws IOException {
        Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') reader.reset(); // Excel writes a byte-order mark
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
        int number = 0;
        for (CSVRecord r : format.parse(reader)) {
            number++;
            List<String> cells = new ArrayList<>(r.size());
            for (String v : r) cells.add(clean(v));
            handler.accept(new Line(number, cells));
        }
    }

    /**
     * Reads .xls through POI's record events rather than its workbook model: the GSO's own file lacks
     * records the model insists on (WindowTwo), and events also use less memory.
     */
    private static void readXls(InputStream in, LineHandler handler) throws IOException {
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
        });
        try (POIFSFileSystem fs = new POIFSFileSystem(in)) {
            new HSSFEventFactory().processWorkbookEvents(request, fs);
        }
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

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static void readXlsx(Path file, LineHandler handler) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            var strings = new ReadOnlySharedStringsTable(pkg);
            var styles = reader.getStylesTable();
            XMLReader parser = XMLHelper.newXMLReader();
            RowCollector collector = new RowCollector(handler);
            parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, collector, new DataFormatter(), false));
            try (InputStream sheet = reader.getSheetsData().next()) {
                parser.parse(new InputSource(sheet));
            }
            if (collector.failure != null) throw collector.failure;
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Không đọc được tệp XLSX: " + e.getMessage(), e);
        }
    }

    private static String clean(String v) {
        if (v == null) return "";
        String t = v.strip();
        return Normalizer.isNormalized(t, Normalizer.Form.NFC) ? t : Normalizer.normalize(t, Normalizer.Form.NFC);
    }

    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final LineHandler handler;
        private List<String> cells;
        private IOException failure;

        RowCollector(LineHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (failure != null) return;
            try {
                handler.accept(new Line(rowNum + 1, cells));
            } catch (IOException e) {
                failure = e;
            }
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = new org.apache.poi.ss.util.CellReference(ref).getCol();
            while (cells.size() < col) cells.add("");
            cells.add(clean(value));
        }
    }
}
