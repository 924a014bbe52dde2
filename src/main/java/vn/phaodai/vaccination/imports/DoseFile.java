package vn.phaodai.vaccination.imports;

import org.slf4j.LoggerFactory;
import vn.phaodai.jobs.JobProgress;
import vn.phaodai.shared.BulkCopy;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.SpreadsheetReader;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The platform's export: finds the columns in the header row, checks each line and copies the good ones into the
 * staging table; a bad line goes to the job's rejections with its line number and the field.
 */
final class DoseFile {

    private final JobProgress progress;
    private final DoseFields fields;
    private final Messages messages;
    private BulkCopy copy;
    private int[] columns;
    private int read;
    private int rejected;

    DoseFile(JobProgress progress, DoseFields fields, Messages messages) {
        this.progress = progress;
        this.fields = fields;
        this.messages = messages;
    }

    /** Copies the file's good lines into the staging table; false when the file has no header row. */
    boolean stage(BulkCopy copy, Path file, String fileName, long maxRows) throws IOException {
        this.copy = copy;
        SpreadsheetReader.read(file, fileName, maxRows, this::line);
        return columns != null;
    }

    /** Lines read, the header and blank lines aside. */
    int read() {
        return read;
    }

    /** Lines refused while reading. */
    int rejected() {
        return rejected;
    }

    private void line(SpreadsheetReader.Line line) {
        if (columns == null) {
            columns = DoseColumns.locate(line.cells());
            for (DoseColumns c : DoseColumns.values()) {
                if (c.required && columns[c.ordinal()] < 0) {
                    throw new InvalidInputException("file", messages.get("vaccination.import.missingColumn", c.headers.get(0)));
                }
            }
            return;
        }
        if (line.blank()) return;
        read++;
        try {
            DoseFields.Product product = fields.product(cell(line, DoseColumns.PRODUCT), header(DoseColumns.PRODUCT));
            String name = fields.fullName(cell(line, DoseColumns.FULL_NAME), header(DoseColumns.FULL_NAME));
            String point = DoseFields.text(cell(line, DoseColumns.POINT));
            copy.row(new DoseLine(line.number(), name, DoseColumns.fold(name),
                    fields.date(cell(line, DoseColumns.BIRTH_DATE), header(DoseColumns.BIRTH_DATE), false),
                    DoseFields.text(cell(line, DoseColumns.SEX)),
                    fields.nationalId(cell(line, DoseColumns.NATIONAL_ID), header(DoseColumns.NATIONAL_ID)),
                    DoseFields.text(cell(line, DoseColumns.PHONE)), product.code(), DoseFields.text(cell(line, DoseColumns.LOT)),
                    fields.date(cell(line, DoseColumns.GIVEN_ON), header(DoseColumns.GIVEN_ON), true),
                    fields.doseKind(cell(line, DoseColumns.DOSE_KIND), header(DoseColumns.DOSE_KIND), product),
                    point, point == null ? null : DoseColumns.fold(point)).values());
        } catch (IllegalArgumentException | InvalidInputException e) {
            rejected++;
            progress.reject(line.number(), e.getMessage());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            // a check that failed by throwing: its line is refused, not the file
            LoggerFactory.getLogger(DoseFile.class).warn("Dose import: line {} refused", line.number(), e);
            rejected++;
            progress.reject(line.number(), messages.get("vaccination.import.unreadableLine"));
        }
        if (read % 100_000 == 0) progress.rowsDone(read, rejected);
    }

    private static String header(DoseColumns c) {
        return c.headers.get(0);
    }

    /** A cell of the line, refused (with its line) when it holds control characters or is absurdly long. */
    private String cell(SpreadsheetReader.Line line, DoseColumns c) {
        int at = columns[c.ordinal()];
        return at < 0 ? "" : SpreadsheetReader.text(line.cell(at), c.headers.get(0), 300);
    }
}
