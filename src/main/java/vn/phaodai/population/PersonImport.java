package vn.phaodai.population;

import vn.phaodai.population.spreadsheets.ImportColumns;
import vn.phaodai.population.registry.PersonData;
import vn.phaodai.population.registry.PersonRepository;
import vn.phaodai.population.registry.PersonRules;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.geography.Geography;
import vn.phaodai.geography.Village;
import vn.phaodai.jobs.Job;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.jobs.JobProgress;
import vn.phaodai.jobs.Jobs;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.BulkCopy;
import vn.phaodai.shared.BulkLoad;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.ImportLimits;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.SpreadsheetReader;
import vn.phaodai.shared.Uploads;
import vn.phaodai.shared.SpreadsheetReader.Line;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Imports persons from CSV/XLSX in the documented layout ({@link ImportColumns}). Rows are checked in
 * Java against reference maps loaded once, streamed by COPY into a staging table, then matched and
 * written by a handful of set-based statements, in one transaction: the good rows are kept and every
 * rejected row reported with its line (or, on request, the file is rejected whole). A row that matches a
 * person already registered (same ID number, or same name, birth and commune) is not created again, so
 * importing the same file twice creates nothing new.
 */
@Service
public class PersonImport {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PersonImport.class);

    public static final String JOB_KIND = "PERSON_IMPORT";

    /** What an import did. */
    public record Result(long rowsRead, long created, long alreadyRegistered, long rejected, long householdsCreated,
                         long possibleDuplicates, boolean applied) {
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Jobs jobs;
    private final Geography geography;
    private final JsonMapper json;
    private final AuditLog audit;
    private final int nationalIdAge;
    /** A province that wants every resident of the ID age to come with a number refuses a line without one. */
    private final boolean nationalIdRequired;
    private final ImportLimits limits;
    private final ApplicationClock clock;
    /** The import runs as a job, outside any request: its texts are Vietnamese (see Messages). */
    private final Messages messages;

    PersonImport(DataSource dataSource, JdbcClient jdbc, Jobs jobs, Geography geography, JsonMapper json, AuditLog audit,
                 @Value("${phaodai.population.national-id-required-from-age:14}") int nationalIdAge,
                 @Value("${phaodai.population.import-requires-national-id:false}") boolean nationalIdRequired,
                 ImportLimits limits, ApplicationClock clock, Messages messages) {
        this.clock = clock;
        this.messages = messages;
        this.limits = limits;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.geography = geography;
        this.json = json;
        this.audit = audit;
        this.nationalIdAge = nationalIdAge;
        this.nationalIdRequired = nationalIdRequired;
    }

    /**
     * Starts the import of an upload in the background, for the current user's jurisdiction; the upload is deleted
     * when the job ends, or at once when it cannot start.
     */
    public UUID submit(Path file, String fileName, boolean allOrNothing) {
        PhaodaiUser user;
        try {
            user = CurrentUser.require(Right.PERSON_IMPORT);
            audit.record("IMPORT", "person", null, null, Map.of("file", fileName));
        } catch (RuntimeException e) {
            Uploads.delete(file);
            throw e;
        }
        return jobs.submit(JOB_KIND, fileName, user.username(), file,
                progress -> json.writeValueAsString(run(file, fileName, user.scope(), progress, allOrNothing)));
    }

    /** Imports now, in this thread, for the whole installation (benchmarks and the command line). */
    public Job runNow(Path file, String fileName, String user, boolean allOrNothing) {
        return jobs.runNow(JOB_KIND, fileName, user,
                progress -> json.writeValueAsString(run(file, fileName, Scope.EVERYTHING, progress, allOrNothing)));
    }

    /** A load this large leaves the table settled at once rather than at the next autovacuum. */
    static final long SETTLE_AFTER = 10_000;

    /**
     * Fresh statistics for the planner, and the visibility map set so that counts read the indexes alone
     * (the directory's totals): after a big load these would wait for autovacuum, a minute or more.
     */
    private static void settle(Connection c) throws SQLException {
        c.setAutoCommit(true); // VACUUM runs outside a transaction
        try (var s = c.createStatement()) {
            s.execute("vacuum (analyze) person");
        }
    }

    Result run(Path file, String fileName, Scope scope, JobProgress progress, boolean allOrNothing) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Result r = load(c, file, fileName, scope, progress, allOrNothing);
                if (r.applied()) c.commit();
                else c.rollback();
                if (r.applied() && r.created() >= SETTLE_AFTER) settle(c);
                return r;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(messages.get("population.import.databaseError", e.getMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(messages.get("population.import.unreadableFile", e.getMessage()), e);
        }
    }

    private Result load(Connection c, Path file, String fileName, Scope scope, JobProgress progress, boolean allOrNothing)
            throws SQLException, IOException {
        progress.phase("READING", estimateRows(file, fileName));
        ImportReferences refs = new ImportReferences(jdbc, geography, scope);
        PersonRules rules = new PersonRules(refs, nationalIdAge, nationalIdRequired, clock.today(), messages);
        try (Statement s = c.createStatement()) {
            s.execute("""
                    create temp table person_stage (
                        line int not null, full_name text not null, search_name text generated always as (fold_text(full_name)) stored,
                        sex text, date_of_birth date, birth_year smallint, national_id text, phone text, commune_code text,
                        village_id bigint, address text, household_key text, relation text, occupation text, workplace_id bigint,
                        pregnant boolean, comorbidities text[], existing_id bigint,
                        person_id bigint default nextval('person_id_seq')) on commit drop""");
        }
        Reader reader = new Reader(rules, refs, progress, messages);
        try (BulkCopy copy = new BulkCopy(c, "person_stage", List.of("line", "full_name", "sex", "date_of_birth",
                "birth_year", "national_id", "phone", "commune_code", "village_id", "address", "household_key", "relation",
                "occupation", "workplace_id", "pregnant", "comorbidities"))) {
            reader.copy = copy;
            long start = System.nanoTime();
            SpreadsheetReader.read(file, fileName, limits.maxRows(), reader::line);
            if (reader.columns == null) throw new InvalidInputException("file", messages.get("population.import.empty"));
            copy.finish();
            log.debug("{} rows read, checked and copied in {} ms", reader.read, (System.nanoTime() - start) / 1_000_000);
        }
        progress.rowsDone(reader.read, reader.rejected);
        if (allOrNothing && reader.rejected > 0) {
            return new Result(reader.read, 0, 0, reader.rejected, 0, 0, false);
        }

        progress.phase("MATCHING", reader.read);
        exec(c, "create index on person_stage (national_id)", null);
        exec(c, "analyze person_stage", null);
        // The same ID number is the same person, unless the names plainly differ: then the row is refused.
        exec(c, """
                update person_stage s set existing_id = p.id from person p
                where p.national_id = s.national_id and p.merged_into is null""", null);
        // An ID number registered outside the user's jurisdiction is refused in the same words whatever the name
        // on the row: the answer must not tell whether a guessed name goes with that number.
        long outside = scope.everything() ? 0 : refuseOutside(c, progress, scope);
        long idConflicts = outside + refuse(c, progress, """
                delete from person_stage s using person p
                where p.id = s.existing_id and similarity(p.search_name, s.search_name) < 0.5
                returning s.line, s.national_id""", "population.import.idOtherName");
        // The same name, birth and commune (a year alone with the phone, without ID numbers: PersonRepository.sameByName).
        exec(c, """
                update person_stage s set existing_id = p.id from person p
                where s.existing_id is null and p.merged_into is null and %s""".formatted(PersonRepository.sameByName("p", "s")), null);
        long repeated = refuse(c, progress, """
                delete from person_stage s using person_stage t
                where s.existing_id is null and t.existing_id is null and t.line < s.line
                  and s.commune_code = t.commune_code and s.search_name = t.search_name and s.birth_year = t.birth_year
                  and s.date_of_birth is not distinct from t.date_of_birth
                  and (s.national_id is null or t.national_id is null)
                  and (s.date_of_birth is not null or s.phone is not distinct from t.phone)
                returning s.line, t.line::text""", "population.import.repeatedPerson");
        long rejected = reader.rejected + idConflicts + repeated;
        if (allOrNothing && rejected > 0) {
            progress.rowsDone(reader.read, (int) rejected);
            return new Result(reader.read, 0, 0, rejected, 0, 0, false);
        }
        long existing = single(c, "select count(*) from person_stage where existing_id is not null", null);

        progress.phase("WRITING", reader.read);
        // Person ids are drawn at COPY time (person_id) and new households' ids here, so that persons and
        // households (with their heads) are each written in one pass.
        exec(c, """
                create temp table household_stage on commit drop as
                select case when h.id is null then nextval('household_id_seq') else h.id end as id, h.id is null as new,
                       s.commune_code, s.household_key, s.village_id, s.address, s.head
                from (select distinct on (commune_code, household_key) commune_code, household_key, village_id, address,
                             case when relation = 'HEAD' then person_id end as head
                      from person_stage where household_key is not null and existing_id is null
                      order by commune_code, household_key, (relation = 'HEAD') desc, line) s
                left join household h on h.commune_code = s.commune_code and h.code = s.household_key""", null);
        String insertPersons = """
                insert into person (id, full_name, sex, date_of_birth, birth_year, national_id, phone, commune_code, village_id,
                                    address, household_id, relation_to_head, occupation, workplace_id, pregnant, comorbidities)
                overriding system value
                select s.person_id, s.full_name, s.sex, s.date_of_birth, s.birth_year, s.national_id, s.phone, s.commune_code,
                       s.village_id, s.address, h.id, s.relation, s.occupation, s.workplace_id, s.pregnant, s.comorbidities
                from person_stage s
                left join household_stage h on h.commune_code = s.commune_code and h.household_key = s.household_key
                where s.existing_id is null order by s.line""";
        boolean initialLoad = reader.read - existing > single(c, "select count(*) from person", null);
        long created, households;
        if (initialLoad) {
            // Person's foreign keys are off while it loads: persons first, then households with their heads.
            long[] written = new long[2];
            BulkLoad.withoutIndexesAndForeignKeys(c, "person", () -> {
                written[0] = exec(c, insertPersons, null);
                written[1] = exec(c, insertHouseholds("head"), null);
                return null;
            });
            created = written[0];
            households = written[1];
        } else {
            // Every key is checked row by row: households first, then persons, then the heads.
            households = exec(c, insertHouseholds("null"), null);
            created = exec(c, insertPersons, null);
            exec(c, """
                    update household h set head_person_id = s.head from household_stage s
                    where s.new and s.head is not null and h.id = s.id""", null);
        }

        progress.phase("DUPLICATES", reader.read);
        // Very similar names born the same day in the same commune: flagged for an officer, not merged.
        long flagged = exec(c, """
                insert into person_duplicate (person_id, candidate_id, reason, score)
                select n.id, o.id, 'NAME_BIRTH_COMMUNE', similarity(n.search_name, o.search_name)
                from person n join person o on o.commune_code = n.commune_code and o.date_of_birth = n.date_of_birth
                  and o.id < n.id and o.merged_into is null
                where n.id in (select person_id from person_stage where existing_id is null)
                  and n.search_name <> o.search_name and similarity(n.search_name, o.search_name) >= 0.6
                on conflict do nothing""", null);
        flagged += exec(c, FLAG_BY_NAME_AND_YEAR, null);
        progress.rowsDone(reader.read, (int) rejected);
        return new Result(reader.read, created, existing, rejected, households, flagged, true);
    }

    /**
     * The fallback without an ID number: the same folded name, birth year and commune, where one record has no birth
     * date and not both an ID number, and only one of them a phone, is a possible duplicate (different phones are two
     * persons, the same phone the same one: see PersonRepository.sameByName). In two halves, so that each is driven by
     * the few records known by a year only, never by a join of the whole load with the whole registry.
     */
    static final String FLAG_BY_NAME_AND_YEAR = """
            insert into person_duplicate (person_id, candidate_id, reason, score)
            select s.person_id, o.id, 'NAME_BIRTH_COMMUNE', 1
            from person_stage s join person o on o.commune_code = s.commune_code and o.search_name = s.search_name
              and o.birth_year = s.birth_year and o.id < s.person_id and o.merged_into is null
            where s.existing_id is null and s.date_of_birth is null
              and (s.national_id is null or o.national_id is null) and (s.phone is null) <> (o.phone is null)
            union all
            select s.person_id, o.id, 'NAME_BIRTH_COMMUNE', 1
            from person_stage s join person o on o.commune_code = s.commune_code and o.search_name = s.search_name
              and o.birth_year = s.birth_year and o.id < s.person_id and o.merged_into is null
            where s.existing_id is null and s.date_of_birth is not null and o.date_of_birth is null
              and (s.national_id is null or o.national_id is null) and (s.phone is null) <> (o.phone is null)
            on conflict do nothing""";

    private static String insertHouseholds(String head) {
        return """
                insert into household (id, commune_code, village_id, code, address, head_person_id) overriding system value
                select id, commune_code, village_id, household_key, address, %s from household_stage where new""".formatted(head);
    }

    /** An ID number that belongs to a person outside the jurisdiction is refused in the same words for any name. */
    private long refuseOutside(Connection c, JobProgress progress, Scope scope) throws SQLException {
        Set<Integer> lines = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                delete from person_stage s using person p
                where p.id = s.existing_id
                  and not (p.commune_code = any(?) or (p.village_id is not null and p.village_id = any(?)))
                returning s.line, s.national_id""")) {
            ps.setArray(1, c.createArrayOf("text", scope.communes().toArray()));
            ps.setArray(2, c.createArrayOf("bigint", scope.villages().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (lines.add(rs.getInt(1))) progress.reject(rs.getInt(1), messages.get("population.import.registeredElsewhere", rs.getString(2)));
                }
            }
        }
        return lines.size();
    }

    /**
     * Runs a statement returning (line, the argument of the text) of refused rows, and reports them outside the
     * transaction with the text of that key.
     */
    private long refuse(Connection c, JobProgress progress, String sql, String key) throws SQLException {
        Set<Integer> lines = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                if (lines.add(rs.getInt(1))) progress.reject(rs.getInt(1), messages.get(key, rs.getString(2)));
            }
        }
        return lines.size();
    }

    private static long exec(Connection c, String sql, Object param) throws SQLException {
        long start = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) ps.setObject(1, param);
            long rows = ps.executeLargeUpdate();
            log.debug("{} rows in {} ms: {}", rows, (System.nanoTime() - start) / 1_000_000, sql.strip().lines().findFirst().orElse(""));
            return rows;
        }
    }

    private static long single(Connection c, String sql, Object param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Lines in a CSV (for the progress bar); 0 when unknown. */
    private static int estimateRows(Path file, String fileName) throws IOException {
        if (!fileName.toLowerCase().endsWith(".csv")) return 0;
        int lines = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) for (int i = 0; i < n; i++) if (buf[i] == '\n') lines++;
        }
        return Math.max(0, lines - 1);
    }

    /** Checks each line and copies the good ones to the staging table. */
    private static final class Reader {
        final PersonRules rules;
        final ImportReferences refs;
        final JobProgress progress;
        final Messages messages;
        final Map<String, Integer> idLines = new HashMap<>();
        BulkCopy copy;
        int[] columns;
        int read;
        int rejected;

        Reader(PersonRules rules, ImportReferences refs, JobProgress progress, Messages messages) {
            this.messages = messages;
            this.rules = rules;
            this.refs = refs;
            this.progress = progress;
        }

        void line(Line line) {
            if (columns == null) {
                columns = ImportColumns.locate(line.cells());
                List<String> missing = Arrays.stream(ImportColumns.values()).filter(col -> col.required && columns[col.ordinal()] < 0)
                        .map(col -> col.header).toList();
                if (!missing.isEmpty()) {
                    throw new InvalidInputException("file",
                            messages.get("population.import.missingColumns", String.join(", ", missing)));
                }
                return;
            }
            if (line.blank()) return;
            read++;
            try {
                stage(line);
            } catch (InvalidInputException e) {
                rejected++;
                progress.reject(line.number(), e.errors().stream().map(FieldError::message).collect(Collectors.joining("; ")));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } catch (RuntimeException e) {
                // a check that failed by throwing: its row is refused, not the file
                log.warn("Person import: line {} refused by an unexpected error", line.number(), e);
                rejected++;
                progress.reject(line.number(), messages.get("population.import.unreadableLine"));
            }
            if (read % 20_000 == 0) progress.rowsDone(read, rejected);
        }

        private void stage(Line line) throws SQLException {
            String commune = cell(line, ImportColumns.COMMUNE_CODE);
            Long village = null;
            String villageName = cell(line, ImportColumns.VILLAGE);
            if (!villageName.isEmpty()) {
                village = refs.village(commune, villageName);
                if (village == null) throw new InvalidInputException("village", messages.get("population.import.villageUnknown", commune, villageName));
            }
            Long workplace = null;
            String tax = cell(line, ImportColumns.WORKPLACE_TAX_CODE);
            if (!tax.isEmpty()) {
                workplace = refs.workplace(tax);
                if (workplace == null) throw new InvalidInputException("workplace", messages.get("population.import.taxCodeUnknown", tax));
            }
            String year = cell(line, ImportColumns.BIRTH_YEAR);
            Integer birthYear = null;
            if (!year.isEmpty()) {
                if (!year.matches("\\d{4}")) throw new InvalidInputException("birthYear", messages.get("population.import.birthYearInvalid", year));
                birthYear = Integer.parseInt(year);
            }
            String comorbidities = cell(line, ImportColumns.COMORBIDITIES);
            PersonForm form = new PersonForm(cell(line, ImportColumns.FULL_NAME), cell(line, ImportColumns.SEX),
                    cell(line, ImportColumns.DATE_OF_BIRTH), birthYear, cell(line, ImportColumns.NATIONAL_ID),
                    cell(line, ImportColumns.PHONE), commune, village, cell(line, ImportColumns.ADDRESS), null,
                    cell(line, ImportColumns.RELATION), cell(line, ImportColumns.OCCUPATION), workplace,
                    yes(cell(line, ImportColumns.PREGNANT)),
                    comorbidities.isEmpty() ? List.of() : Arrays.asList(comorbidities.split("[;,]")), null);
            PersonData d = rules.validate(form);
            if (d.nationalId() != null) {
                Integer first = idLines.putIfAbsent(d.nationalId(), line.number());
                if (first != null) throw new InvalidInputException("nationalId", messages.get("population.import.nationalIdRepeated", String.valueOf(first)));
            }
            String household = cell(line, ImportColumns.HOUSEHOLD);
            if (household.length() > 50) {
                throw new InvalidInputException("household", messages.get("population.import.householdTooLong", ImportColumns.HOUSEHOLD.header));
            }
            copy.row(line.number(), d.fullName(), d.sex().name(), d.dateOfBirth(), d.birthYear(), d.nationalId(), d.phone(),
                    d.communeCode(), d.villageId(), d.address(), household.isEmpty() ? null : household,
                    d.relation() == null ? null : d.relation().name(), d.occupation(), d.workplaceId(), d.pregnant(),
                    "{" + String.join(",", d.comorbidities()) + "}");
        }

        /** A cell of the row, refused (with its row) when it holds control characters or is absurdly long. */
        private String cell(Line line, ImportColumns column) {
            int at = columns[column.ordinal()];
            return at < 0 ? "" : SpreadsheetReader.text(line.cell(at), column.header, 1000);
        }

        private static Boolean yes(String v) {
            String f = ImportColumns.fold(v);
            return f.equals("x") || f.equals("co") || f.equals("1") || f.equals("true") || f.equals("yes");
        }
    }

    /** Reference data loaded once per import: communes, villages by name, enterprises by tax code. */
    private static final class ImportReferences implements PersonRules.References {
        private final Set<String> communes;
        private final Map<String, Long> villagesByName = new HashMap<>();
        private final Map<Long, String> villageCommunes = new HashMap<>();
        private final Map<String, Long> workplaces = new HashMap<>();
        private final Set<Long> workplaceIds = new HashSet<>();
        private final Set<String> comorbidities;

        /** Only the communes of the importing user's jurisdiction are accepted. */
        ImportReferences(JdbcClient jdbc, Geography geography, Scope scope) {
            communes = geography.activeCommuneCodes();
            communes.removeIf(code -> !scope.covers(code, null));
            for (Village v : geography.activeVillages()) {
                villagesByName.put(v.communeCode() + "|" + ImportColumns.fold(v.name()), v.id());
                villageCommunes.put(v.id(), v.communeCode());
            }
            jdbc.sql("select id, tax_code from enterprise where tax_code is not null").query(rs -> {
                workplaces.put(rs.getString(2), rs.getLong(1));
                workplaceIds.add(rs.getLong(1));
            });
            comorbidities = Set.copyOf(jdbc.sql("select code from comorbidity").query(String.class).list());
        }

        Long village(String commune, String name) {
            return villagesByName.get(commune + "|" + ImportColumns.fold(name));
        }

        Long workplace(String taxCode) {
            return workplaces.get(taxCode.strip());
        }

        @Override
        public boolean communeActive(String code) {
            return communes.contains(code);
        }

        @Override
        public String villageCommune(long villageId) {
            return villageCommunes.get(villageId);
        }

        @Override
        public String householdCommune(long householdId) {
            return null; // imports name households by their key, never by id
        }

        @Override
        public boolean workplaceExists(long workplaceId) {
            return workplaceIds.contains(workplaceId);
        }

        @Override
        public Set<String> comorbidities() {
            return comorbidities;
        }
    }
}
