package vn.phaodai.shared;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

import java.time.LocalDate;

/**
 * The cells of an exported workbook as the pages show values: numbers as numbers, dates as real Excel dates shown
 * dd/MM/yyyy, phones in the one format of the pages (Display.phone), the rest as text. Codes are labelled by the caller.
 */
public final class SheetCells {

    private final CellStyle dates;

    public SheetCells(Workbook workbook) {
        dates = workbook.createCellStyle();
        dates.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy")); // Excel's mm after dd is the month
    }

    /** A value in its kind of cell; null as an empty text. */
    public void put(Row row, int column, Object value) {
        var cell = row.createCell(column);
        if (value instanceof Number n) cell.setCellValue(n.doubleValue());
        else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(dates);
        } else cell.setCellValue(value == null ? "" : value.toString());
    }

    /** A row of values from its first column. */
    public void row(Row row, Object... values) {
        for (int i = 0; i < values.length; i++) put(row, i, values[i]);
    }

    public static String phone(String phone) {
        return phone == null ? "" : Display.phone(phone);
    }
}
