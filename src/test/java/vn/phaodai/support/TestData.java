package vn.phaodai.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;

/** Puts the database in a known state: empty registry, and (when asked) the national list loaded. */
public final class TestData {

    public static final Path GSO_DIR = Path.of(System.getProperty("phaodai.shared-dir", "../shared"), "data", "vn-admin-units-2021");
    public static final Path GSO_CSV = GSO_DIR.resolve("gso-list-2021-11-06.csv");
    public static final Path GSO_XLS = GSO_DIR.resolve("gso-list-2021-11-06.xls");

    private TestData() {
    }

    /**
     * Empties every domain table (users stay). The rows that name a case across modules are listed: no foreign key
     * cascades into them since V27 (decision 0011).
     */
    public static void reset(JdbcClient jdbc) {
        jdbc.sql("""
                truncate person_merge, person_duplicate, person, household, enterprise, village, commune, district, province,
                         geography_change, geography_import, job_rejection, job, sample_pool, screening_campaign,
                         decision_counter, person_tier, care_team, reading, alert, patient_link, care_assignment,
                         home_placement, support_request, cluster_case restart identity cascade""").update();
    }

    /** The application cannot empty the audit trail; tests start each case from a fresh chain. */
    public static void emptyAuditLog(JdbcClient jdbc) {
        jdbc.sql("alter table audit_log disable trigger audit_log_no_truncate").update();
        jdbc.sql("truncate audit_log").update();
        jdbc.sql("alter table audit_log enable trigger audit_log_no_truncate").update();
    }

    /** Empty registry on top of the national list (loaded once: it does not change between tests). */
    public static void registryOnNationalList(JdbcClient jdbc, TestApi api) {
        jdbc.sql("""
                truncate person_merge, person_duplicate, person, household, enterprise, village, job_rejection, job,
                         sample_pool, screening_campaign, decision_counter, person_tier, care_team, reading, alert, patient_link, care_assignment,
                         home_placement, support_request, cluster_case restart identity cascade""").update();
        emptyAuditLog(jdbc);
        long communes = jdbc.sql("select count(*) from commune where active").query(Long.class).single();
        if (communes != 10_599) {
            reset(jdbc);
            if (!Files.exists(GSO_CSV)) throw new IllegalStateException("Missing " + GSO_CSV.toAbsolutePath());
            var r = api.upload("/api/v1/geography/import", GSO_CSV);
            if (r.status() != 200) throw new IllegalStateException("Could not load the national list: " + r.text());
        }
    }
}
