package vn.phaodai.vaccination.reconciliation;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.Registry;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two records of one person merged: the merged-away record's doses move to the survivor; a kind both held keeps the
 * earlier dose and sets the other aside (DUPLICATE when the same day and product, else CONFLICT); nothing is lost.
 */
@PhaodaiIT
class MergedPersonsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private void dose(long person, String kind, String product, String on) {
        jdbc.sql("""
                insert into vaccine_dose (person_id, given_on, product_code, dose_kind, source, recorded_by)
                values (?, ?, ?, ?, 'MANUAL', 'test')""").params(person, LocalDate.parse(on), product, kind).update();
    }

    @Test
    void dosesFollowTheSurvivorAndTheEarlierOfAKindIsKept() {
        TestApi api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        Registry registry = new Registry(api);
        long winner = registry.person("18073", null), loser = registry.person("18073", null);
        dose(winner, "PRIMARY_1", "ASTRAZENECA", "2021-08-01");
        dose(loser, "PRIMARY_1", "ASTRAZENECA", "2021-08-01");   // the same dose recorded twice
        dose(winner, "PRIMARY_2", "ASTRAZENECA", "2021-10-20");
        dose(loser, "PRIMARY_2", "ASTRAZENECA", "2021-10-10");   // earlier: the loser's is kept
        dose(loser, "BOOSTER_1", "COMIRNATY_30", "2022-02-01");  // only the loser had it

        assertThat(api.post("/api/v1/persons/" + winner + "/merge", Map.of("duplicateId", loser)).status()).isEqualTo(200);

        assertThat(jdbc.sql("select dose_kind || ' ' || given_on from vaccine_dose where person_id = ? order by given_on")
                .param(winner).query(String.class).list())
                .containsExactly("PRIMARY_1 2021-08-01", "PRIMARY_2 2021-10-10", "BOOSTER_1 2022-02-01");
        assertThat(jdbc.sql("select count(*) from vaccine_dose where person_id = ?").param(loser).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select dose_kind || ' ' || given_on || ' ' || reason from vaccine_dose_set_aside where survivor_id = ? order by dose_kind""")
                .param(winner).query(String.class).list())
                .containsExactly("PRIMARY_1 2021-08-01 DUPLICATE", "PRIMARY_2 2021-10-20 CONFLICT");
        // The survivor's status reads the doses it now holds.
        var status = api.get("/api/v1/persons/" + winner + "/vaccination?on=2022-03-01");
        assertThat(status.status()).as(status.text()).isEqualTo(200);
        assertThat(status.body().get("doses")).hasSize(3);
    }
}
