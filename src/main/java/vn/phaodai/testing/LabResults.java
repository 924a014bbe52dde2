package vn.phaodai.testing;

import org.springframework.beans.factory.annotation.Value;
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
import vn.phaodai.shared.ImportLimits;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.SpreadsheetReader;
import vn.phaodai.shared.Uploads;
import vn.phaodai.testing.results.LabResultItem;
import vn.phaodai.testing.results.ResultFields;
import vn.phaodai.testing.results.ResultFile;
import vn.phaodai.testing.results.ResultLine;
import vn.phaodai.testing.results.ResultLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Laboratory results, one at a time, in batches through the API, or as a laboratory's file. Keyed by the
 * sample code: sending the same result again changes nothing, a different one is an amendment with its
 * history. A laboratory serves the whole province; anyone else reports only for samples and persons of
 * their own area (see {@link #area}). The answer names no person.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class LabResults {

    public static final String JOB_KIND = "LAB_RESULT_IMPORT";

    /** The answer to a batch: each item's outcome and the totals. */
    public record BatchAnswer(List<ResultLoader.Outcome> items, ResultLoader.Summary summary) {
    }

    private final ResultLoader loader;
    private final TransactionTemplate transaction;
    private final Jobs jobs;
    private final JsonMapper json;
    private final AuditLog audit;
    private final int maxBatch;
    private final ImportLimits limits;
    private final ResultFields fields;
    private final Messages messages;

    LabResults(ResultLoader loader, TransactionTemplate transaction, Jobs jobs, JsonMapper json, AuditLog audit,
               @Value("${phaodai.testing.max-api-batch:10000}") int maxBatch, ImportLimits limits, ResultFields fields,
               Messages messages) {
        this.limits = limits;
        this.fields = fields;
        this.messages = messages;
        this.loader = loader;
        this.transaction = transaction;
        this.jobs = jobs;
        this.json = json;
        this.audit = audit;
        this.maxBatch = maxBatch;
    }

    public BatchAnswer submit(List<LabResultItem> items) {
        PhaodaiUser user = CurrentUser.require(Right.LAB_RESULT_WRITE);
        if (items.isEmpty()) throw new InvalidInputException("items", messages.get("testing.results.none"));
        if (items.size() > maxBatch) {
            throw new InvalidInputException("items", messages.get("testing.results.tooMany", String.valueOf(maxBatch)));
        }
        List<ResultLine> lines = new ArrayList<>();
        List<ResultLoader.Outcome> refused = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            LabResultItem item = items.get(i);
            try {
                lines.add(item.check(i + 1, fields));
            } catch (IllegalArgumentException e) {
                refused.add(new ResultLoader.Outcome(i + 1, item == null ? null : item.sampleCode(), "REJECTED", e.getMessage(), null));
            }
        }
        BatchAnswer answer = transaction.execute(status -> {
            if (lines.isEmpty()) return new BatchAnswer(List.of(), new ResultLoader.Summary(0, 0, 0, 0, 0, 0, 0));
            try {
                loader.stage(sink -> {
                    for (ResultLine l : lines) sink.row(l);
                });
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ResultLoader.Summary summary = loader.apply(user.username(), "API", area(user));
            return new BatchAnswer(loader.outcomes(), summary);
        });
        List<ResultLoader.Outcome> all = new ArrayList<>(answer.items());
        all.addAll(refused);
        all.sort(Comparator.comparingInt(ResultLoader.Outcome::line));
        var s = answer.summary();
        var summary = new ResultLoader.Summary(s.created(), s.unchanged(), s.amended(), s.rejected() + refused.size(),
                s.casesCreated(), s.casesLinked(), s.casesDiscarded());
        audit.record("LAB_RESULTS", "sample", null, null, Map.of("items", items.size(), "summary", summary));
        return new BatchAnswer(all, summary);
    }

    /**
     * Starts the import of a laboratory's uploaded file in the background; the file is deleted when the job ends,
     * or at once when it cannot start.
     */
    public UUID submitFile(Path file, String fileName) {
        PhaodaiUser user;
        try {
            user = CurrentUser.require(Right.LAB_RESULT_WRITE);
            if (!SpreadsheetReader.supports(fileName)) throw new InvalidInputException("file", messages.get("testing.file.type"));
            audit.record("IMPORT", "sample", null, null, Map.of("file", fileName));
        } catch (RuntimeException e) {
            Uploads.delete(file);
            throw e;
        }
        return jobs.submit(JOB_KIND, fileName, user.username(), file,
                progress -> json.writeValueAsString(importFile(file, fileName, user.username(), area(user), progress)));
    }

    /** Imports now, in this thread, for the whole installation (benchmarks and the command line). */
    public Job importNow(Path file, String fileName, String user) {
        return jobs.runNow(JOB_KIND, fileName, user,
                progress -> json.writeValueAsString(importFile(file, fileName, user, Scope.EVERYTHING, progress)));
    }

    /**
     * Where a user may report results: a laboratory (a laboratory technician of a facility) for the whole province it serves,
     * which is the installation's; anyone else, a district officer say, only within their own area.
     */
    static Scope area(PhaodaiUser user) {
        boolean laboratory = "FACILITY".equals(user.jurisdictionLevel()) && user.roles().contains("LAB_TECHNICIAN");
        return laboratory ? Scope.EVERYTHING : user.scope();
    }

    /** What a file import did; refused rows are listed in the job's rejections with their line. */
    public record FileResult(long rowsRead, ResultLoader.Summary summary) {
    }

    private FileResult importFile(Path file, String fileName, String user, Scope area, JobProgress progress) {
        ResultFile reader = new ResultFile(progress, fields, messages);
        return transaction.execute(status -> {
            try {
                progress.phase("READING", 0);
                if (!reader.stage(loader, file, fileName, limits.maxRows())) throw new InvalidInputException("file", messages.get("testing.file.noHeader"));
                progress.rowsDone(reader.read(), reader.rejected());
                progress.phase("APPLYING", reader.read());
                ResultLoader.Summary s = loader.apply(user, "FILE " + fileName, area);
                for (var r : loader.rejections()) progress.reject(r.line(), r.reason());
                long rejected = reader.rejected() + s.rejected();
                progress.rowsDone(reader.read(), (int) rejected);
                return new FileResult(reader.read(), new ResultLoader.Summary(s.created(), s.unchanged(), s.amended(), rejected,
                        s.casesCreated(), s.casesLinked(), s.casesDiscarded()));
            } catch (SQLException e) {
                throw new IllegalStateException(messages.get("testing.file.databaseError", e.getMessage()), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
