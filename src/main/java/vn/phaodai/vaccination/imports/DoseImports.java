package vn.phaodai.vaccination.imports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.jobs.Job;
import vn.phaodai.jobs.JobProgress;
import vn.phaodai.jobs.Jobs;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.BulkCopy;
import vn.phaodai.shared.ImportLimits;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.SpreadsheetReader;
import vn.phaodai.shared.Uploads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The import of the national platform's export as a background job, within the importer's area: doses of the
 * persons it finds are recorded (source IMPORT), the lines that name nobody go on the unmatched list
 * ({@link UnmatchedLines}), bad lines and conflicts to the job's rejections. The same file twice changes nothing.
 */
@Service
public class DoseImports {

    private static final Logger log = LoggerFactory.getLogger(DoseImports.class);

    public static final String JOB_KIND = "DOSE_IMPORT";
    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** What a file import did, for the result page and the API's job. */
    public record FileResult(long rowsRead, long created, long unchanged, long unmatched, long unmatchedNew, long conflicts,
                             long rejected) {
    }

    private final DoseLoader loader;
    private final TransactionTemplate transaction;
    private final Jobs jobs;
    private final JsonMapper json;
    private final AuditLog audit;
    private final ImportLimits limits;
    private final ApplicationClock clock;
    private final JdbcClient jdbc;
    private final Messages messages;

    DoseImports(DoseLoader loader, TransactionTemplate transaction, Jobs jobs, JsonMapper json, AuditLog audit,
                ImportLimits limits, ApplicationClock clock, JdbcClient jdbc, Messages messages) {
        this.loader = loader;
        this.transaction = transaction;
        this.jobs = jobs;
        this.json = json;
        this.audit = audit;
        this.limits = limits;
        this.clock = clock;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** Starts the import of an uploaded file; the file is deleted when the job ends, or at once when it cannot start. */
    public UUID submitFile(Path file, String fileName) {
        PhaodaiUser user;
        try {
            user = CurrentUser.require(Right.VACCINATION_WRITE);
            if (!SpreadsheetReader.supports(fileName)) throw new InvalidInputException("file", messages.get("vaccination.import.type"));
            audit.record("IMPORT", "vaccine_import", null, null, Map.of("file", fileName));
        } catch (RuntimeException e) {
            Uploads.delete(file);
            throw e;
        }
        String owner = owner(user.scope());
        return jobs.submit(JOB_KIND, fileName, user.username(), file,
                progress -> json.writeValueAsString(importFile(file, fileName, user.username(), user.scope(), owner, progress)));
    }

    /** Imports now, in this thread, for the whole installation (benchmarks and the command line). */
    public Job importNow(Path file, String fileName, String user) {
        return jobs.runNow(JOB_KIND, fileName, user,
                progress -> json.writeValueAsString(importFile(file, fileName, user, Scope.EVERYTHING, null, progress)));
    }

    /** The commune whose list an unmatched line goes on when no point of the file names one: the importer's one commune. */
    static String owner(Scope area) {
        return !area.everything() && area.communes().size() == 1 && area.villages().isEmpty() ? area.communes().iterator().next() : null;
    }

    public FileResult result(String json) {
        return this.json.readValue(json, FileResult.class);
    }

    private FileResult importFile(Path file, String fileName, String user, Scope area, String owner, JobProgress progress) {
        DoseFile reader = new DoseFile(progress, new DoseFields(products(), clock.today(), messages), messages);
        return transaction.execute(status -> {
            try {
                progress.phase("READING", 0);
                long start = System.nanoTime();
                try (BulkCopy copy = loader.stage()) {
                    if (!reader.stage(copy, file, fileName, limits.maxRows())) {
                        throw new InvalidInputException("file", messages.get("vaccination.import.noHeader"));
                    }
                    copy.finish();
                }
                log.debug("{} lines read and copied in {} ms", reader.read(), (System.nanoTime() - start) / 1_000_000);
                progress.rowsDone(reader.read(), reader.rejected());
                progress.phase("APPLYING", reader.read());
                DoseLoader.Summary s = loader.apply(progress.jobId(), user, area, owner);
                loader.conflicts(c -> progress.reject(c.line(), conflict(c)));
                long refused = reader.rejected() + s.conflicts();
                progress.rowsDone(reader.read(), (int) refused);
                return new FileResult(reader.read(), s.created(), s.unchanged(), s.unmatched(), s.unmatchedNew(), s.conflicts(),
                        reader.rejected());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private String conflict(DoseLoader.Conflict c) {
        String kind = messages.get("vaccination.doseKind." + c.doseKind());
        String on = c.existingOn().format(VN_DATE);
        return c.otherLine() == null
                ? messages.get("vaccination.import.conflict", kind, on, c.existingProduct())
                : messages.get("vaccination.import.conflictLine", String.valueOf(c.otherLine()), kind, on, c.existingProduct());
    }

    /** Every spelling of every product, folded, and its code and primary course. */
    private Map<String, DoseFields.Product> products() {
        Map<String, DoseFields.Product> out = new HashMap<>();
        jdbc.sql("select code, name, platform_names, primary_doses from vaccine_product").query(rs -> {
            var p = new DoseFields.Product(rs.getString(1), rs.getInt(4));
            out.put(DoseColumns.fold(rs.getString(1).replace('_', ' ')), p);
            out.put(DoseColumns.fold(rs.getString(2)), p);
            for (String n : (String[]) rs.getArray(3).getArray()) out.put(DoseColumns.fold(n), p);
        });
        return out;
    }
}
