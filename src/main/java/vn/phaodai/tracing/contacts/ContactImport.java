package vn.phaodai.tracing.contacts;

import vn.phaodai.tracing.Tiers;
import vn.phaodai.tracing.TracingChecks;

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
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.ImportLimits;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.SpreadsheetReader;
import vn.phaodai.shared.Uploads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A file of contacts (CSV, XLS, XLSX) imported in the background: each line checked, the good ones staged and
 * inserted set-based in one transaction (a contact already there is left as it is), the tiers recomputed once
 * for the persons reached. Every refused line is reported with its number and reason.
 */
@Service
public class ContactImport {

    public static final String JOB_KIND = "CONTACT_IMPORT";

    /** The columns, each with the headers it is known by (compared without accents or case). */
    enum Column {
        SOURCE(true, "ma nguoi nguon", "nguoi nguon", "sourcepersonid"),
        EXPOSED(true, "ma nguoi tiep xuc", "nguoi tiep xuc", "exposedpersonid"),
        DATE(true, "ngay tiep xuc", "exposuredate"),
        LAST_DATE(false, "ngay tiep xuc cuoi", "lastexposuredate"),
        PLACE(false, "noi tiep xuc", "dia diem", "place"),
        SETTING(false, "boi canh", "setting"),
        PROXIMITY(false, "muc do tiep xuc", "proximity"),
        MINUTES(false, "so phut", "thoi gian (phut)", "durationminutes"),
        MASKED(false, "deo khau trang", "masked");

        final boolean required;
        final List<String> headers;

        Column(boolean required, String... headers) {
            this.required = required;
            this.headers = List.of(headers);
        }
    }

    /** What an import did. */
    public record Result(long rowsRead, long created, long unchanged, long rejected) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Jobs jobs;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Tiers tiers;
    private final ImportLimits limits;
    private final ApplicationClock clock;
    private final TracingChecks checks;
    private final Messages messages;

    ContactImport(JdbcClient jdbc, TransactionTemplate transaction, Jobs jobs, JsonMapper json, AuditLog audit, Tiers tiers,
                  ImportLimits limits, ApplicationClock clock, TracingChecks checks, Messages messages) {
        this.checks = checks;
        this.messages = messages;
        this.clock = clock;
        this.limits = limits;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.jobs = jobs;
        this.json = json;
        this.audit = audit;
        this.tiers = tiers;
    }

    /** Starts the import of an upload; the upload is deleted when the job ends, or at once when it cannot start. */
    public UUID submit(Path file, String fileName) {
        PhaodaiUser user;
        try {
            user = CurrentUser.require(Right.TRACING_WRITE);
            if (!SpreadsheetReader.supports(fileName)) throw new InvalidInputException("file", messages.get("tracing.file.type"));
            audit.record("IMPORT", "contact", null, null, Map.of("file", fileName));
        } catch (RuntimeException e) {
            Uploads.delete(file);
            throw e;
        }
        return jobs.submit(JOB_KIND, fileName, user.username(), file,
                progress -> json.writeValueAsString(run(file, fileName, user, progress)));
    }

    /** Imports now, in this thread, as the current user (tests, command line). */
    public Job importNow(Path file, String fileName) {
        PhaodaiUser user = CurrentUser.require(Right.TRACING_WRITE);
        return jobs.runNow(JOB_KIND, fileName, user.username(), progress -> json.writeValueAsString(run(file, fileName, user, progress)));
    }

    private record Row(int line, long source, long exposed, LocalDate date, LocalDate last, String place, String setting, String proximity,
                       Integer minutes, boolean masked) {
    }

    private Result run(Path file, String fileName, PhaodaiUser user, JobProgress progress) {
        List<Row> rows = new ArrayList<>();
        int[] read = {0}, refused = {0};
        int[][] columns = {null};
        progress.phase("READING", 0);
        try {
            SpreadsheetReader.read(file, fileName, limits.maxRows(), line -> {
                if (columns[0] == null) {
                    columns[0] = locate(line.cells());
                    return;
                }
                if (line.blank()) return;
                read[0]++;
                try {
                    rows.add(row(line, columns[0]));
                } catch (IllegalArgumentException | InvalidInputException e) {
                    refused[0]++;
                    progress.reject(line.number(), e.getMessage());
                } catch (RuntimeException e) {
                    // a check that failed by throwing: its row is refused, not the file
                    org.slf4j.LoggerFactory.getLogger(ContactImport.class).warn("Contact import: line {} refused", line.number(), e);
                    refused[0]++;
                    progress.reject(line.number(), messages.get("tracing.file.line.unreadable"));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (columns[0] == null) throw new InvalidInputException("file", messages.get("tracing.file.empty"));
        progress.rowsDone(read[0], refused[0]);
        progress.phase("APPLYING", read[0]);
        Result result = transaction.execute(status -> apply(rows, user.scope(), user.username(), progress, read[0], refused[0]));
        progress.rowsDone(read[0], (int) result.rejected());
        return result;
    }

    private Result apply(List<Row> rows, Scope scope, String username, JobProgress progress, int read, int refused) {
        jdbc.sql("drop table if exists contact_stage").update();
        jdbc.sql("""
                create temp table contact_stage (line int, source bigint, exposed bigint, exposure_date date, last_date date, place text,
                    setting text, proximity text, minutes int, masked boolean) on commit drop""").update();
        for (int from = 0; from < rows.size(); from += 10_000) {
            List<Row> part = rows.subList(from, Math.min(rows.size(), from + 10_000));
            Map<String, Object> p = new HashMap<>();
            p.put("line", part.stream().map(Row::line).toArray(Integer[]::new));
            p.put("source", part.stream().map(Row::source).toArray(Long[]::new));
            p.put("exposed", part.stream().map(Row::exposed).toArray(Long[]::new));
            p.put("date", part.stream().map(r -> r.date().toString()).toArray(String[]::new));
            p.put("last", part.stream().map(r -> r.last() == null ? null : r.last().toString()).toArray(String[]::new));
            p.put("place", part.stream().map(Row::place).toArray(String[]::new));
            p.put("setting", part.stream().map(Row::setting).toArray(String[]::new));
            p.put("proximity", part.stream().map(Row::proximity).toArray(String[]::new));
            p.put("minutes", part.stream().map(Row::minutes).toArray(Integer[]::new));
            p.put("masked", part.stream().map(Row::masked).toArray(Boolean[]::new));
            jdbc.sql("""
                    insert into contact_stage select * from unnest(cast(:line as int[]), cast(:source as bigint[]), cast(:exposed as bigint[]),
                        cast(:date as date[]), cast(:last as date[]), cast(:place as text[]), cast(:setting as text[]), cast(:proximity as text[]),
                        cast(:minutes as int[]), cast(:masked as boolean[]))""").params(p).update();
        }
        Map<String, Object> p = new HashMap<>(scope.params());
        // Why a line is refused, worded here: the same person on both ends, or one of them missing from the area.
        List<Object[]> rejected = jdbc.sql("""
                select s.line, s.source = s.exposed, src.id is null, s.source, s.exposed
                from contact_stage s
                left join person_card src on src.id = s.source and %s
                left join person_card ex on ex.id = s.exposed and %s
                where s.source = s.exposed or src.id is null or ex.id is null order by s.line""".formatted(
                        scope.condition("src.commune_code", "src.village_id"), scope.condition("ex.commune_code", "ex.village_id")))
                .params(p).query((rs, i) -> new Object[]{rs.getInt(1), rs.getBoolean(2) ? messages.get("tracing.contact.sameAsSource")
                        : rs.getBoolean(3) ? messages.get("tracing.file.source.notInArea", String.valueOf(rs.getLong(4)))
                        : messages.get("tracing.file.exposed.notInArea", String.valueOf(rs.getLong(5)))}).list();
        for (Object[] r : rejected) progress.reject((Integer) r[0], (String) r[1]);
        p.put("user", username);
        List<Long> exposed = jdbc.sql("""
                insert into contact (source_person_id, exposed_person_id, exposure_date, last_exposure_date, place, setting, proximity,
                                     duration_minutes, masked, recorded_by)
                select distinct on (s.source, s.exposed, s.exposure_date) s.source, s.exposed, s.exposure_date, s.last_date, s.place,
                       s.setting, s.proximity, s.minutes, s.masked, :user
                from contact_stage s
                join person_card src on src.id = s.source and %s
                join person_card ex on ex.id = s.exposed and %s
                where s.source <> s.exposed
                order by s.source, s.exposed, s.exposure_date, s.line
                on conflict (source_person_id, exposed_person_id, exposure_date) do nothing
                returning exposed_person_id""".formatted(scope.condition("src.commune_code", "src.village_id"),
                        scope.condition("ex.commune_code", "ex.village_id")))
                .params(p).query(Long.class).list();
        tiers.recompute(exposed.stream().distinct().toList(), 1);
        long created = exposed.size();
        long rejectedAll = refused + rejected.size();
        return new Result(read, created, read - rejectedAll - created, rejectedAll);
    }

    private int[] locate(List<String> headers) {
        int[] at = new int[Column.values().length];
        java.util.Arrays.fill(at, -1);
        for (int i = 0; i < headers.size(); i++) {
            String h = fold(headers.get(i));
            for (Column c : Column.values()) {
                if (!c.headers.contains(h)) continue;
                if (at[c.ordinal()] >= 0) throw SpreadsheetReader.duplicateHeader(headers.get(at[c.ordinal()]), at[c.ordinal()], headers.get(i), i);
                at[c.ordinal()] = i;
            }
        }
        for (Column c : Column.values()) {
            if (c.required && at[c.ordinal()] < 0) {
                throw new InvalidInputException("file", messages.get("tracing.file.column.missing", NAMES.get(c)));
            }
        }
        return at;
    }

    private Row row(SpreadsheetReader.Line line, int[] at) {
        List<FieldError> errors = new ArrayList<>();
        long source = id(cell(line, at, Column.SOURCE), NAMES.get(Column.SOURCE));
        long exposed = id(cell(line, at, Column.EXPOSED), NAMES.get(Column.EXPOSED));
        LocalDate date = checks.date(errors, NAMES.get(Column.DATE), cell(line, at, Column.DATE), true);
        LocalDate last = checks.date(errors, NAMES.get(Column.LAST_DATE), cell(line, at, Column.LAST_DATE), false);
        String setting = checks.oneOf(errors, NAMES.get(Column.SETTING), code(cell(line, at, Column.SETTING)), Contacts.SETTINGS, "OTHER");
        String proximity = checks.oneOf(errors, NAMES.get(Column.PROXIMITY), code(cell(line, at, Column.PROXIMITY)), Contacts.PROXIMITIES,
                "WITHIN_2M");
        Integer minutes = null;
        String m = cell(line, at, Column.MINUTES);
        if (!m.isBlank()) {
            try {
                minutes = Integer.parseInt(m.strip());
                if (minutes < 0) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                errors.add(new FieldError(NAMES.get(Column.MINUTES), messages.get("tracing.file.minutes.invalid", m)));
            }
        }
        if (date != null && date.isAfter(clock.today())) errors.add(new FieldError(NAMES.get(Column.DATE), messages.get("tracing.contact.exposureDate.future")));
        // a year PostgreSQL cannot read (-5, 99999) would fail the whole file: it fails its row
        if (date != null && date.getYear() < 2000) errors.add(new FieldError(NAMES.get(Column.DATE), messages.get("tracing.file.exposureDate.before2000")));
        if (last != null && (last.getYear() < 2000 || last.getYear() > 2100)) {
            errors.add(new FieldError(NAMES.get(Column.LAST_DATE), messages.get("tracing.file.year.range")));
        }
        if (date != null && last != null && last.isBefore(date)) errors.add(new FieldError(NAMES.get(Column.LAST_DATE), messages.get("tracing.file.lastDate.beforeDate")));
        if (!errors.isEmpty()) throw new IllegalArgumentException(String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()));
        String masked = fold(cell(line, at, Column.MASKED));
        String place = cell(line, at, Column.PLACE);
        if (place.length() > 500) throw new IllegalArgumentException(messages.get("tracing.file.place.tooLong", NAMES.get(Column.PLACE)));
        return new Row(line.number(), source, exposed, date, last, place.isBlank() ? null : place, setting, proximity, minutes,
                List.of("x", "co", "yes", "true", "1").contains(masked));
    }

    /** A code (HOUSEHOLD) or its Vietnamese name (Trong hộ gia đình). */
    private static String code(String value) {
        String f = fold(value);
        return switch (f) {
            case "ho gia dinh", "trong ho gia dinh", "gia dinh" -> "HOUSEHOLD";
            case "noi lam viec", "cong ty" -> "WORKPLACE";
            case "truong hoc" -> "SCHOOL";
            case "cho" -> "MARKET";
            case "phuong tien", "phuong tien di lai", "xe" -> "VEHICLE";
            case "co so y te", "benh vien" -> "HEALTH_CARE";
            case "khac" -> "OTHER";
            case "tiep xuc co the" -> "PHYSICAL";
            case "trong vong 1 m", "trong vong 1m", "1 m", "1m" -> "WITHIN_1M";
            case "trong vong 2 m", "trong vong 2m", "2 m", "2m" -> "WITHIN_2M";
            case "cung khong gian kin", "khong gian kin" -> "SAME_CLOSED_SPACE";
            case "cham soc f0 khong bao ho", "cham soc khong bao ho" -> "CARE_WITHOUT_PROTECTION";
            default -> value.strip().toUpperCase(Locale.ROOT);
        };
    }

    private long id(String value, String field) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(messages.get("tracing.file.value.invalid", field, value));
        }
    }

    /** A cell of the row, refused (with its row) when it holds control characters or is absurdly long. */
    private static String cell(SpreadsheetReader.Line line, int[] at, Column c) {
        int i = at[c.ordinal()];
        return i < 0 ? "" : SpreadsheetReader.text(line.cell(i), NAMES.get(c), 1000);
    }

    /** Each column's name as the template writes it, for the messages: the file's own headers, Vietnamese in any language of the pages. */
    private static final Map<Column, String> NAMES = Map.of(Column.SOURCE, "Mã người nguồn", Column.EXPOSED, "Mã người tiếp xúc",
            Column.DATE, "Ngày tiếp xúc", Column.LAST_DATE, "Ngày tiếp xúc cuối", Column.PLACE, "Nơi tiếp xúc",
            Column.SETTING, "Bối cảnh", Column.PROXIMITY, "Mức độ tiếp xúc", Column.MINUTES, "Số phút",
            Column.MASKED, "Đeo khẩu trang");

    static String fold(String s) {
        String n = Normalizer.normalize(s == null ? "" : s.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('đ', 'd');
        return n.replaceAll("\\s+", " ");
    }
}
