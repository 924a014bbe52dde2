package vn.phaodai.vaccination.stock;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.phaodai.shared.Messages;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A holder's stock on a date as a workbook: one row per lot. */
final class StockExport {

    static final String TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The columns' texts: vaccination.stock.export.&lt;name&gt;. */
    private static final List<String> HEADERS = List.of("product", "lot", "expiry", "dosesPerVial", "received", "allocatedIn", "returnedIn",
            "allocatedOut", "returnedOut", "used", "wasted", "discarded", "onHand");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private StockExport() {
    }

    static String fileName(StockLedger.Stock stock) {
        return "ton-kho-vac-xin-" + stock.unit() + "-" + stock.on() + ".xlsx";
    }

    static void write(OutputStream out, Messages messages, StockLedger.Stock stock) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = wb.createSheet(messages.get("vaccination.stock.export.sheet"));
            sheet.createRow(0).createCell(0).setCellValue(messages.get("vaccination.stock.export.title", stock.name(), DAY.format(stock.on())));
            Row header = sheet.createRow(2);
            for (int i = 0; i < HEADERS.size(); i++) header.createCell(i).setCellValue(messages.get("vaccination.stock.export." + HEADERS.get(i)));
            int n = 3;
            for (StockLedger.LotStock l : stock.lots()) {
                Row r = sheet.createRow(n++);
                r.createCell(0).setCellValue(l.productName());
                r.createCell(1).setCellValue(l.lotNumber());
                r.createCell(2).setCellValue(DAY.format(l.expiry()));
                long[] numbers = {l.dosesPerVial(), l.received(), l.allocatedIn(), l.returnedIn(), l.allocatedOut(), l.returnedOut(), l.used(),
                        l.wasted(), l.discarded(), l.onHand()};
                for (int i = 0; i < numbers.length; i++) r.createCell(3 + i).setCellValue(numbers[i]);
            }
            wb.write(out);
        }
    }
}
