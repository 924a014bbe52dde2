package vn.phaodai.testing;

import vn.phaodai.testing.screening.FactoryTesting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.population.Residents;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A campaign's denominator is population's residents query: moves, arrivals and deaths change whom it counts. */
@PhaodaiIT
class CampaignResidentsIT {

    static final String COMMUNE = "18073";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Residents residents;
    TestApi admin;
    TestingFixture fx;
    long villageA;
    long villageB;

    @BeforeEach
    void area() {
        admin = new TestApi(port);
        TestData.registryOnNationalList(jdbc, admin);
        fx = new TestingFixture(admin, jdbc, port);
        villageA = fx.village(COMMUNE, "Tổ dân phố Cư Trú");
        villageB = fx.village(COMMUNE, "Tổ dân phố Láng Giềng");
    }

    private void move(long person, Map<String, Object> body) {
        var r = admin.post("/api/v1/persons/" + person + "/moves", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    private long campaign(LocalDate from, LocalDate to) {
        var created = admin.post("/api/v1/campaigns", Map.of("name", "Sàng lọc " + from, "communeCodes", List.of(COMMUNE),
                "villageIds", List.of(villageA), "startsOn", from.toString(), "endsOn", to.toString(), "testType", "PCR"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    @Test
    void aRunningCampaignCountsTodaysResidents() {
        LocalDate today = LocalDate.now(FactoryTesting.ZONE);
        long stays = fx.person("Nguyễn Văn Ở", COMMUNE, villageA, null, null);
        long left = fx.person("Nguyễn Văn Đi", COMMUNE, villageA, null, null);
        long died = fx.person("Nguyễn Văn Mất", COMMUNE, villageA, null, null);
        long movedIn = fx.person("Nguyễn Văn Đến", COMMUNE, villageB, null, null);
        move(left, Map.of("kind", "MOVE_AWAY", "date", today.minusDays(1).toString(), "toPlace", "01"));
        assertThat(admin.post("/api/v1/persons/" + died + "/death", Map.of("date", today.minusDays(1).toString())).status()).isEqualTo(201);
        move(movedIn, Map.of("kind", "MOVE_AWAY", "date", today.minusDays(1).toString(), "toCommune", COMMUNE, "toVillage", villageA));
        long campaign = campaign(today.minusDays(2), today.plusDays(2));

        var report = admin.get("/api/v1/campaigns/" + campaign).body();
        assertThat(report.get("total").get("persons").asLong()).isEqualTo(2)
                .isEqualTo(residents.count(List.of(), List.of(villageA), today));
        List<Long> unsampled = new ArrayList<>();
        admin.get("/api/v1/campaigns/" + campaign + "/unsampled").body().get("items").forEach(i -> unsampled.add(i.get("id").asLong()));
        assertThat(unsampled).containsExactlyInAnyOrder(stays, movedIn);
    }

    @Test
    void aFinishedCampaignCountsTheResidentsOfItsLastDay() {
        long leftLater = fx.person("Trần Văn Sau", COMMUNE, villageA, null, null);
        long cameLater = fx.person("Trần Văn Mới", COMMUNE, villageA, null, null);
        move(leftLater, Map.of("kind", "MOVE_AWAY", "date", "2021-08-10", "toPlace", "79"));
        move(cameLater, Map.of("kind", "ARRIVE", "date", "2021-08-07", "fromPlace", "79", "fromLevel", 4));
        long campaign = campaign(LocalDate.parse("2021-08-01"), LocalDate.parse("2021-08-05"));

        var total = admin.get("/api/v1/campaigns/" + campaign).body().get("total");
        assertThat(total.get("persons").asLong()).isEqualTo(1)
                .isEqualTo(residents.count(List.of(), List.of(villageA), LocalDate.parse("2021-08-05")));
        assertThat(admin.get("/api/v1/campaigns/" + campaign + "/unsampled").body().get("items").get(0).get("id").asLong())
                .isEqualTo(leftLater);
    }
}
