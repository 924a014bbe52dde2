package vn.phaodai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table has one owning module (docs/decisions/0011): the module whose migration folder creates it. Another
 * module names it only when it is a published view ({@code *_card}) or, in a foreign key, a core identity
 * (person, commune, village). Reads every SQL string of src/main/java and every migration; no database needed.
 */
class TableOwnershipTest {

    static final Path JAVA = Path.of("src/main/java/vn/phaodai");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** The migrations written before 0011 sit at the top of the migration folder, byte for byte as installed. */
    static final Set<String> FROZEN = Set.of("V1__text_search.sql", "V2__geography.sql", "V3__population.sql",
            "V4__users_and_jobs.sql", "V5__security.sql", "V6__demo.sql", "V7__testing_and_cases.sql", "V8__decisions.sql",
            "V9__campaigns.sql", "V10__tracing_and_quarantine_rights.sql", "V11__tracing.sql", "V12__quarantine.sql",
            "V13__home_care.sql", "V14__support_requests.sql", "V15__home_placement.sql", "V16__audit_lanes.sql",
            "V17__live_persons_by_commune.sql", "V18__audit_keyed.sql", "V19__job_runner.sql",
            "V21__audit_persons_shown.sql");

    /** Who owns what the frozen migrations create (V4 and V7 create for two modules each). */
    static final Map<String, String> FROZEN_OWNERS = frozenOwners();

    /** The identities every module may hold a foreign key to. */
    static final Set<String> CORE_IDENTITIES = Set.of("person", "commune", "village");

    /**
     * Foreign keys across modules that the frozen migrations created before 0011 (a case's records point at their
     * case, a case at its samples). They stay: dropping them would turn a 409 on a missing case into an orphan row.
     * No new one may be added.
     */
    /**
     * Foreign keys across modules that the frozen migrations created and no later one dropped. V27 dropped the nine
     * into covid_case and sample (the services check the case or sample inside the user's area before writing), so
     * none is left; one added back fails the test.
     */
    static final Set<String> FROZEN_FOREIGN_KEYS = Set.of();

    /** The module numbers in the versions of migrations from V26 on: V26_5__x.sql is testing's (0011). */
    static final Map<String, Integer> MODULE_NUMBERS = Map.ofEntries(Map.entry("geography", 1), Map.entry("population", 2),
            Map.entry("security", 3), Map.entry("jobs", 4), Map.entry("testing", 5), Map.entry("cases", 6),
            Map.entry("tracing", 7), Map.entry("quarantine", 8), Map.entry("homecare", 9), Map.entry("demo", 10),
            Map.entry("shared", 11), Map.entry("database", 12), Map.entry("commandline", 13), Map.entry("home", 14),
            Map.entry("decisions", 15), Map.entry("householdsupport", 16),
            Map.entry("vaccination", 17));

    static boolean published(String relation) {
        return relation.endsWith("_card");
    }

    // ---------------------------------------------------------------------------------------------------------

    @Test
    void everyModuleNamesOnlyItsOwnTablesAndTheOthersPublishedViews() {
        Schema schema = Schema.read();
        List<String> breaches = new ArrayList<>(schema.problems);
        for (Migration m : schema.migrations) {
            if (!m.frozen()) breaches.addAll(schema.breaches(m.module(), MIGRATIONS.relativize(m.file()).toString(), m.sql()));
        }
        for (Path file : javaFiles()) {
            String module = JAVA.relativize(file).getName(0).toString();
            for (String sql : javaStrings(read(file))) breaches.addAll(schema.breaches(module, file.toString(), sql));
            for (String table : bulkTables(read(file))) breaches.addAll(schema.breaches(module, file.toString(), "copy " + table));
        }
        assertThat(breaches).as("tables named outside their owner (docs/decisions/0011)").isEmpty();
    }

    @Test
    void frozenForeignKeysAcrossModulesAreOnlyTheListedOnes() {
        Schema schema = Schema.read();
        Set<String> dropped = new TreeSet<>();
        for (Migration m : schema.migrations) {
            if (m.frozen()) continue;
            Matcher d = DROPPED_FOREIGN_KEY.matcher(m.sql().toLowerCase());
            while (d.find()) dropped.add(d.group(1));
        }
        Set<String> found = new TreeSet<>();
        for (Migration m : schema.migrations) {
            if (!m.frozen()) continue;
            for (Statement s : statements(m.sql())) {
                if (s.subject() == null) continue;
                Matcher column = COLUMN_REFERENCE.matcher(s.text());
                while (column.find()) {
                    String target = column.group(2), from = schema.owners.get(s.subject()), to = schema.owners.get(target);
                    if (dropped.contains(s.subject() + "_" + column.group(1) + "_fkey")) continue;
                    if (from != null && to != null && !from.equals(to) && !CORE_IDENTITIES.contains(target)) {
                        found.add(s.subject() + " -> " + target);
                    }
                }
            }
        }
        assertThat(found).isEqualTo(new TreeSet<>(FROZEN_FOREIGN_KEYS));
    }

    /** A column's inline foreign key in a create table ({@code case_id bigint not null references covid_case}). */
    static final Pattern COLUMN_REFERENCE = Pattern.compile("([a-z_][a-z0-9_]*)\\s+[a-z0-9_ ]*?\\breferences\\s+(?:public\\.)?([a-z_][a-z0-9_]*)");
    /** PostgreSQL's default name of an inline foreign key, dropped by a later migration. */
    static final Pattern DROPPED_FOREIGN_KEY = Pattern.compile("drop\\s+constraint\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*_fkey)");

    @Test
    void newMigrationsLiveInTheirModulesFolderWithVersionsThatCannotCollide() {
        Map<String, String> versions = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Migration m : Schema.read().migrations) {
            String name = m.file().getFileName().toString();
            Matcher v = Pattern.compile("V(\\d+)(?:_(\\d+))?__.+\\.sql").matcher(name);
            if (!v.matches()) {
                problems.add(name + ": not a versioned migration");
                continue;
            }
            String previous = versions.put(v.group(1) + "." + v.group(2), name);
            if (previous != null) problems.add(name + " and " + previous + " share a version");
            if (m.frozen()) continue;
            Integer number = MODULE_NUMBERS.get(m.module());
            if (number == null) problems.add(name + ": folder " + m.module() + " is not a module");
            else if (Integer.parseInt(v.group(1)) >= 26 && !String.valueOf(number).equals(v.group(2))) {
                problems.add(name + ": from V26 on a migration's version carries its module's number, V" + v.group(1) + "_" + number);
            }
        }
        assertThat(problems).isEmpty();
    }

    // Tests of the test: a breach is found, a published view or a core identity is not one.

    @Test
    void aModuleReadingAnotherModulesTableIsABreach() {
        Schema schema = Schema.read();
        String java = """
                class X { String q = "select v.name from sample s left join " + "village v on v.id = s.village_id"; }""";
        List<String> sql = javaStrings(java);
        assertThat(sql).containsExactly("select v.name from sample s left join village v on v.id = s.village_id");
        assertThat(schema.breaches("testing", "X.java", sql.get(0))).containsExactly("X.java: testing names village (geography's)");
        assertThat(schema.breaches("geography", "X.java", sql.get(0))).containsExactly("X.java: geography names sample (testing's)");
        assertThat(schema.breaches("quarantine", "X.java", "select p.full_name from quarantine_stay s join person_card p on p.id = s.person_id"))
                .isEmpty();
        assertThat(schema.breaches("demo", "X.java", "insert into care_worker_village (worker_id, village_id) select 1, 2"))
                .containsExactly("X.java: demo names care_worker_village (homecare's)");
        assertThat(schema.breaches("cases", "X.java", "delete from a, sample; truncate contact, follow_up; update person set x = 1"))
                .containsExactly("X.java: cases names sample (testing's)", "X.java: cases names contact (tracing's)",
                        "X.java: cases names follow_up (tracing's)", "X.java: cases names person (population's)");
        assertThat(schema.breaches("cases", "X.java", "select 1 from covid_case where note = 'from village' -- join sample"))
                .as("quoted text and comments are not SQL names").isEmpty();
    }

    @Test
    void aForeignKeyIntoAnotherModuleIsABreachUnlessToACoreIdentity() {
        Schema schema = Schema.read();
        assertThat(schema.breaches("homecare", "V99_9__x.sql", """
                create table visit (id bigint primary key, case_id bigint references covid_case,
                                    person_id bigint not null references person, village_id bigint references village (id));
                create index visit_case on visit (case_id);"""))
                .containsExactly("V99_9__x.sql: homecare names covid_case (cases's) in a foreign key; only person, commune, village may be");
        assertThat(schema.breaches("homecare", "V99_9__x.sql", "create index person_x on person (id)"))
                .containsExactly("V99_9__x.sql: homecare names person (population's)");
    }

    // ---------------------------------------------------------------------------------------------------------

    record Migration(Path file, String module, boolean frozen, String sql) {
    }

    record Statement(String subject, String text) {
    }

    static final class Schema {
        final List<Migration> migrations = new ArrayList<>();
        final Map<String, String> owners = new LinkedHashMap<>();
        final List<String> problems = new ArrayList<>();

        static Schema read() {
            Schema s = new Schema();
            try (Stream<Path> files = Files.walk(MIGRATIONS)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                    Path rel = MIGRATIONS.relativize(f);
                    boolean top = rel.getNameCount() == 1;
                    if (top && !FROZEN.contains(rel.toString())) {
                        s.problems.add(rel + ": a new migration goes in its module's folder, db/migration/<module>/");
                    }
                    s.migrations.add(new Migration(f, top ? null : rel.getName(0).toString(), top, TableOwnershipTest.read(f)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Migration m : s.migrations) {
                for (String created : names(CREATES, m.sql())) {
                    String owner = m.frozen() ? FROZEN_OWNERS.get(created) : m.module();
                    if (owner == null) s.problems.add(m.file().getFileName() + ": no owner for " + created + " in FROZEN_OWNERS");
                    String before = s.owners.putIfAbsent(created, owner);
                    if (before != null && !before.equals(owner)) {
                        s.problems.add(m.file().getFileName() + ": " + owner + " creates " + created + ", already " + before + "'s");
                    }
                }
            }
            return s;
        }

        /** What in one SQL text a module names that it does not own: each breach names file, module and table. */
        List<String> breaches(String module, String file, String sql) {
            List<String> found = new ArrayList<>();
            for (Statement s : statements(sql)) {
                for (String table : names(NAMES, s.text())) {
                    String owner = owners.get(table);
                    if (owner == null || owner.equals(module) || published(table)) continue;
                    found.add(file + ": " + module + " names " + table + " (" + owner + "'s)");
                }
                for (String table : names(REFERENCES, s.text())) {
                    String owner = owners.get(table);
                    if (owner == null || owner.equals(module) || CORE_IDENTITIES.contains(table)) continue;
                    found.add(file + ": " + module + " names " + table + " (" + owner + "'s) in a foreign key; only person, commune, village may be");
                }
            }
            return found;
        }
    }

    // SQL names ----------------------------------------------------------------------------------------------

    static final String ID = "(?:public\\.)?([a-z_][a-z0-9_]*)";
    static final String ALIAS = "(?:\\s+(?:as\\s+)?(?!where\\b|join\\b|left\\b|right\\b|inner\\b|full\\b|cross\\b|on\\b|group\\b|order\\b"
            + "|limit\\b|union\\b|using\\b|set\\b|returning\\b|natural\\b|window\\b|having\\b|offset\\b|for\\b|lateral\\b)[a-z_][a-z0-9_]*)?";
    /** Names read or written: the first of each list after FROM or TRUNCATE, the others by the comma rule below. */
    static final Pattern NAMES = Pattern.compile("\\b(?:from|join|into|update|copy|lock(?:\\s+table)?|truncate(?:\\s+table)?"
            + "|alter\\s+table(?:\\s+if\\s+exists)?|drop\\s+(?:table|view|materialized\\s+view)(?:\\s+if\\s+exists)?"
            + "|create\\s+(?:unique\\s+)?index(?:\\s+concurrently)?(?:\\s+if\\s+not\\s+exists)?(?:\\s+[a-z_][a-z0-9_]*)?\\s+on)"
            + "\\s+(?:only\\s+)?" + ID + ALIAS + "((?:\\s*,\\s*" + ID + ALIAS + ")*)");
    static final Pattern REFERENCES = Pattern.compile("\\breferences\\s+" + ID);
    static final Pattern CREATES = Pattern.compile("\\bcreate\\s+(?:or\\s+replace\\s+)?(?:table|view|materialized\\s+view)"
            + "(?:\\s+if\\s+not\\s+exists)?\\s+" + ID);
    static final Pattern SUBJECT = Pattern.compile("^\\s*(?:create\\s+table(?:\\s+if\\s+not\\s+exists)?|alter\\s+table(?:\\s+if\\s+exists)?(?:\\s+only)?)\\s+" + ID);

    static List<String> names(Pattern p, String sql) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(sql);
        while (m.find()) {
            found.add(m.group(1));
            if (m.groupCount() >= 2 && m.group(2) != null) {
                Matcher more = Pattern.compile(",\\s*" + ID).matcher(m.group(2));
                while (more.find()) found.add(more.group(1));
            }
        }
        return found;
    }

    /** Statements without comments and quoted text, lower case, each with the table it creates or alters. */
    static List<Statement> statements(String sql) {
        StringBuilder clean = new StringBuilder();
        String s = sql.toLowerCase();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-' && s.startsWith("--", i)) {
                while (i < s.length() && s.charAt(i) != '\n') i++;
                clean.append('\n');
            } else if (c == '/' && s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 1;
                clean.append(' ');
            } else if (c == '\'') {
                int j = i + 1;
                while (j < s.length() && !(s.charAt(j) == '\'' && (j + 1 >= s.length() || s.charAt(j + 1) != '\''))) j += s.charAt(j) == '\'' ? 2 : 1;
                i = j;
                clean.append("''");
            } else if (c == '$' && s.startsWith("$$", i)) {
                clean.append(' '); // a function's body is SQL too: its statements are read like the others
                i++;
            } else {
                clean.append(c);
            }
        }
        List<Statement> list = new ArrayList<>();
        for (String text : clean.toString().split(";")) {
            Matcher subject = SUBJECT.matcher(text);
            list.add(new Statement(subject.find() ? subject.group(1) : null, text));
        }
        return list;
    }

    // Java strings -------------------------------------------------------------------------------------------

    /** The string literals and text blocks of a Java source; literals joined by + alone are one string. */
    static List<String> javaStrings(String src) {
        List<String> strings = new ArrayList<>();
        StringBuilder current = null;
        int i = 0, n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                while (i < n && src.charAt(i) != '\n') i++;
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i++;
                while (i < n && src.charAt(i) != '\'') i += src.charAt(i) == '\\' ? 2 : 1;
                i++;
                current = flush(strings, current);
            } else if (src.startsWith("\"\"\"", i)) {
                int start = src.indexOf('\n', i) + 1, end = src.indexOf("\"\"\"", start);
                while (src.charAt(end - 1) == '\\') end = src.indexOf("\"\"\"", end + 1);
                current = append(current, src.substring(start, end));
                i = end + 3;
            } else if (c == '"') {
                StringBuilder lit = new StringBuilder();
                i++;
                while (i < n && src.charAt(i) != '"') {
                    if (src.charAt(i) == '\\') {
                        char e = src.charAt(i + 1);
                        lit.append(e == 'n' ? '\n' : e == 't' ? '\t' : e == 's' ? ' ' : e);
                        i += 2;
                    } else {
                        lit.append(src.charAt(i++));
                    }
                }
                i++;
                current = append(current, lit.toString());
            } else if (Character.isWhitespace(c) || (c == '+' && current != null)) {
                i++;
            } else {
                current = flush(strings, current);
                i++;
            }
        }
        flush(strings, current);
        return strings;
    }

    private static StringBuilder append(StringBuilder current, String s) {
        return (current == null ? new StringBuilder() : current).append(s.replace("\\s", " "));
    }

    private static StringBuilder flush(List<String> strings, StringBuilder current) {
        if (current != null) strings.add(current.toString());
        return null;
    }

    /** Tables handed by name to the bulk helpers of shared (BulkCopy, BulkLoad). */
    static List<String> bulkTables(String src) {
        List<String> tables = new ArrayList<>();
        Matcher m = Pattern.compile("(?:new BulkCopy|withoutIndexesAndForeignKeys)\\([^,]+,\\s*\"([a-z_]+)\"").matcher(src);
        while (m.find()) tables.add(m.group(1));
        return tables;
    }

    static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(JAVA)) {
            return files.filter(p -> p.toString().endsWith(".java") && JAVA.relativize(p).getNameCount() > 1).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> frozenOwners() {
        Map<String, String> owners = new LinkedHashMap<>();
        for (String t : List.of("province", "district", "commune", "village", "geography_import", "geography_change")) owners.put(t, "geography");
        for (String t : List.of("enterprise", "comorbidity", "household", "person", "person_duplicate", "person_merge",
                "person_card", "enterprise_card")) owners.put(t, "population");
        for (String t : List.of("app_user", "role", "api_token", "audit_log")) owners.put(t, "security");
        for (String t : List.of("job", "job_rejection")) owners.put(t, "jobs");
        owners.put("demo_load", "demo");
        for (String t : List.of("screening_campaign", "sample_pool", "sample", "result_amendment", "factory_testing_rule")) owners.put(t, "testing");
        for (String t : List.of("confirmation_rule", "covid_case", "case_card", "case_test", "case_state",
                "case_decision", "home_care_rule")) owners.put(t, "cases");
        owners.put("decision_counter", "decisions"); // the register's numbering, a module of its own since 0004's rewrite
        for (String t : List.of("contact", "f1_definition", "person_tier", "cluster", "cluster_case", "follow_up")) owners.put(t, "tracing");
        for (String t : List.of("quarantine_facility", "quarantine_policy", "quarantine_arrival", "quarantine_stay",
                "quarantine_movement")) owners.put(t, "quarantine");
        for (String t : List.of("warning_sign_rule", "reading", "alert", "home_care_eligibility_rule", "patient_link", "care_team",
                "care_worker", "care_worker_village", "care_assignment", "home_placement")) owners.put(t, "homecare");
        owners.put("support_request", "householdsupport"); // support to F0 households left home care
        return owners;
    }
}
