package vn.phaodai.security;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.shared.Messages;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone with the database (a superuser, the owner) rewrites the audit trail behind the application's back,
 * in each of the six ways tried by an attacker; each is found. The key is outside the database, so a chain
 * recomputed with the database's own audit_hash() does not verify, and each lane's head is anchored outside it.
 */
@PhaodaiIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTamperingIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    AuditKey key;
    @Autowired
    JsonMapper json;
    @Autowired
    Messages messages;
    TestApi admin;
    /** The lane with the most entries, and its entries' ids in order. */
    int lane;
    List<Long> ids;

    long person;

    @BeforeAll
    void aPerson() {
        admin = new TestApi(port);
        TestData.registryOnNationalList(jdbc, admin);
        person = admin.post("/api/v1/persons", Map.of("fullName", "Trần Thị Nhật", "sex", "FEMALE", "dateOfBirth", "02/03/1985",
                "nationalId", "042185000333", "communeCode", "18073")).body().get("person").get("id").asLong();
    }

    @BeforeEach
    void aTrailOfViews() {
        TestData.emptyAuditLog(jdbc);
        audit.anchorAnew();
        // Views until one lane holds at least four entries: a request's lane is its connection's, so they spread.
        for (int i = 0; i < 400 && jdbc.sql("select coalesce(max(n), 0) from (select count(*) n from audit_log group by lane) x")
                .query(Long.class).single() < 4; i++) {
            admin.get("/api/v1/persons/" + person);
        }
        lane = jdbc.sql("select lane from audit_log group by lane order by count(*) desc limit 1").query(Integer.class).single();
        ids = jdbc.sql("select id from audit_log where lane = ? order by id").param(lane).query(Long.class).list();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(4);
        assertThat(audit.verify().intact()).as(audit.verify().toString()).isTrue();
    }

    private void tamper(String sql) {
        jdbc.sql("alter table audit_log disable trigger audit_log_append_only").update();
        try {
            jdbc.sql(sql).update();
        } finally {
            jdbc.sql("alter table audit_log enable trigger audit_log_append_only").update();
        }
    }

    /** The lane's entries after the given id rehashed in order with the database's audit_hash(), as an attacker would. */
    private void recomputeAfter(long id) {
        tamper("""
                do $$ declare r record; prev text; begin
                  select coalesce((select hash from audit_log where lane = %d and id < %d order by id desc limit 1), 'GENESIS') into prev;
                  for r in select id from audit_log where lane = %d and id >= %d order by id loop
                    update audit_log set prev_hash = prev, keyed = false,
                           hash = audit_hash(prev, at, username, address, action, entity, entity_id, person_id, details)
                    where id = r.id returning hash into prev;
                  end loop;
                end $$""".formatted(lane, id, lane, id));
    }

    @Test
    void anEditedEntry() {
        tamper("update audit_log set details = '{\"page\": 99}' where id = " + ids.get(1));
        assertThat(audit.verify().broken()).contains(ids.get(1));
    }

    @Test
    void aDeletedMiddleEntry() {
        tamper("delete from audit_log where id = " + ids.get(1));
        assertThat(audit.verify().broken()).containsExactly(ids.get(2));
    }

    @Test
    void theLastEntriesDeleted() {
        tamper("delete from audit_log where id = " + ids.get(ids.size() - 1));
        AuditLog.Verification v = audit.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.problems()).anyMatch(p -> p.contains("không còn"));
    }

    @Test
    void aDeletedMiddleEntryWithTheLaterHashesRecomputed() {
        tamper("delete from audit_log where id = " + ids.get(1));
        recomputeAfter(ids.get(2));
        AuditLog.Verification v = audit.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.broken()).contains(ids.get(2));
    }

    @Test
    void aUsernameChangedWithTheChainRecomputed() {
        tamper("update audit_log set username = 'nobody' where id = " + ids.get(1));
        recomputeAfter(ids.get(1));
        assertThat(audit.verify().broken()).contains(ids.get(1));
        // Nor does marking the rows keyed again help: without the key their hashes are not the keyed ones.
        tamper("update audit_log set keyed = true where lane = " + lane);
        assertThat(audit.verify().broken()).contains(ids.get(1));
    }

    @Test
    void anAppendedEntry() {
        tamper("""
                insert into audit_log (lane, at, username, action, entity, prev_hash, hash, keyed)
                select lane, now(), 'admin', 'VIEW', 'person', hash,
                       audit_hash(hash, date_trunc('microseconds', now()), 'admin', null, 'VIEW', 'person', null, null, null), true
                from audit_log where lane = %d order by id desc limit 1""".formatted(lane));
        long forged = jdbc.sql("select max(id) from audit_log").query(Long.class).single();
        assertThat(audit.verify().broken()).contains(forged);
    }

    @Test
    void theDigestToPrintNamesEachLanesLastEntry() throws Exception {
        var page = vn.phaodai.support.WebSession.admin(port).get("/admin/audit/digest");
        assertThat(page.statusCode()).isEqualTo(200);
        long last = ids.get(ids.size() - 1);
        assertThat(page.body()).contains(String.format(java.util.Locale.GERMANY, "%,d", last))
                .contains(jdbc.sql("select hash from audit_log where id = ?").param(last).query(String.class).single());
    }

    @Test
    void theAnchorFileIsReadBackByAnotherProcessAndItsEditIsFound() throws Exception {
        Path file = Files.createTempDirectory("anchor").resolve("audit-anchor.json");
        AuditAnchor written = new AuditAnchor(jdbc, key, json, messages, file, file.resolveSibling("digests.log"));
        written.anchorAnew();
        AuditAnchor readBack = new AuditAnchor(jdbc, key, json, messages, file, file.resolveSibling("digests.log"));
        assertThat(readBack.heads()).isEqualTo(written.heads());
        assertThat(readBack.problem()).isNull();
        assertThat(Files.readAllLines(file.resolveSibling("digests.log"))).hasSize(1);

        Files.writeString(file, Files.readString(file).replaceFirst("\"count\":(\\d)", "\"count\":9$1"));
        AuditAnchor edited = new AuditAnchor(jdbc, key, json, messages, file, file.resolveSibling("digests.log"));
        assertThat(edited.problem()).isEqualTo("Tệp neo nhật ký audit-anchor.json đã bị sửa (mã băm không khớp)");
        // Said in the language of whoever asks (an auditor of the English pages).
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
        try {
            assertThat(edited.problem()).isEqualTo("The audit trail's anchor file audit-anchor.json has been altered (its hash does not match)");
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }
}
