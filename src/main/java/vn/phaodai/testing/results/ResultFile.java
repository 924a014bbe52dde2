package vn.phaodai.testing.results;

import vn.phaodai.jobs.JobProgress;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.SpreadsheetReader;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

/** A laboratory's result file: finds the columns in the header row, checks each line and stages the good ones. */
public final class ResultFile {

    private final JobProgress progress;
    private final ResultFields fields;
    private final Messages messages;
    private ResultLoader.Sink sink;
    private int[] columns;
    private int read;
    private int rejected;

    public ResultFile(JobProgress progress, ResultFields fields, Messages messages) {
        this.progress = progress;
        this.fields = fields;
        this.messages = messages;
    }

    /** Stages the file's good lines (inside the caller's transaction); false when the file has no header row. */
    public boolean stage(ResultLoader loader, Path file, String fileName, long maxRows) throws SQLException, IOException {
        loader.stage(sink -> {
            this.sink = sink;
            SpreadsheetReader.read(file, fileName, maxRows, this::line);
        });
        return columns != null;
    }

    /** Lines read, the header and blank lines aside. */
    public int read() {
        return read;
    }

    /** Lines refused while reading (before the loader judged the rest). */
    public int rejected() {
        return rejected;
    }

    private void line(SpreadsheetReader.Line line) {
        if (columns == null) {
            columns = ResultColumns.locate(line.cells());
            for (ResultColumns c : ResultColumns.values()) {
                if (c.required && columns[c.ordinal()] < 0) {
                    throw new InvalidInputException("file", messages.get("testing.file.missingColumn", c.headers.get(0)));
                }
            }
            return;
        }
        if (line.blank()) return;
        read++;
        try {
            sink.row(new ResultLine(line.number(), fields.sampleCode(cell(line, ResultColumns.SAMPLE_CODE)),
                    fields.personId(cell(line, ResultColumns.PERSON_ID)),
                    fields.nationalId(cell(line, ResultColumns.NATIONAL_ID)),
                    fields.testType(cell(line, ResultColumns.TEST_TYPE)),
                    fields.time(cell(line, ResultColumns.SAMPLED_AT), "testing.field.sampledAt"),
                    fields.result(cell(line, ResultColumns.RESULT)), fields.ct(cell(line, ResultColumns.CT)),
                    fields.code(cell(line, ResultColumns.LAB_CODE), "testing.field.labCode"),
                    fields.code(cell(line, ResultColumns.POOL_CODE), "testing.field.poolCode"),
                    fields.reason(cell(line, ResultColumns.REASON)),
                    ResultFields.yes(cell(line, ResultColumns.SYMPTOMATIC)),
                    fields.time(cell(line, ResultColumns.RESULT_AT), "testing.field.resultAt")));
        } catch (IllegalArgumentException | InvalidInputException e) {
            rejected++;
            progress.reject(line.number(), e.getMessage());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            // a check that failed by throwing: its row is refused, not the file
            org.slf4j.LoggerFactory.getLogger(ResultFile.class).warn("Lab result file: line {} refused", line.number(), e);
            rejected++;
            progress.reject(line.number(), messages.get("testing.file.unreadableLine"));
        }
        if (read % 100_000 == 0) progress.rowsDone(read, rejected);
    }

    /** A cell of the row, refused (with its row) when it holds control characters or is absurdly long. */
    private String cell(SpreadsheetReader.Line line, ResultColumns c) {
        int at = columns[c.ordinal()];
        return at < 0 ? "" : SpreadsheetReader.text(line.cell(at), c.headers.get(0), 500);
    }
}
