package vn.phaodai.quarantine;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.Registry;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Two records of one person merged: the stays follow the winner, and only one stays open (its bed is freed). */
@PhaodaiIT
class MergedPersonsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void staysFollowTheMergedPersonAndOnlyOneStaysOpen() {
        TestApi api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        long facility = api.post("/api/v1/quarantine/facilities", Map.of("name", "Khu cách ly trường Quân sự", "kind", "CONCENTRATED",
                "communeCode", "18073", "capacity", 10)).body().get("id").asLong();
        Registry registry = new Registry(api);
        long winner = registry.person("18073", null), loser = registry.person("18073", null);
        for (long person : new long[]{winner, loser}) {
            var r = api.post("/api/v1/quarantine/stays", Map.of("personId", person, "facilityId", facility, "start", "2021-08-01"));
            assertThat(r.status()).as(r.text()).isEqualTo(201);
        }
        assertThat(api.post("/api/v1/persons/" + winner + "/merge", Map.of("duplicateId", loser)).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from quarantine_stay where person_id = ?").param(winner).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from quarantine_stay where person_id = ? and status = 'ACTIVE'").param(winner)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(api.get("/api/v1/persons/" + winner + "/stays").body()).hasSize(2);
    }
}
