package vn.phaodai.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A page of the directory is audited with whom it showed, and the auditor finds it by any of those persons. */
@PhaodaiIT
class AuditedListsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aSearchIsFoundInTheTrailOfEachPersonItShowed() {
        TestApi admin = new TestApi(port);
        TestData.registryOnNationalList(jdbc, admin);
        List<Long> ids = new ArrayList<>();
        for (String n : List.of("Hoàng Văn Liệt", "Hoàng Thị Kê")) {
            var created = admin.post("/api/v1/persons", Map.of("fullName", n, "sex", n.contains("Thị") ? "FEMALE" : "MALE",
                    "dateOfBirth", "01/01/1970", "nationalId", (n.contains("Thị") ? "042170" : "042070") + "00000" + ids.size(), "communeCode", "18073"));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            ids.add(created.body().get("person").get("id").asLong());
        }
        TestApi officer = admin.newUser(port, "COMMUNE_OFFICER", "COMMUNE", "18073");
        assertThat(officer.get("/api/v1/persons?q=hoang").body().get("total").asInt()).isEqualTo(2);

        // The province's auditor, and an auditor of the commune alone, both find it.
        TestApi communeAuditor = admin.newUser(port, "ADMIN", "COMMUNE", "18073");
        for (TestApi auditor : List.of(admin, communeAuditor)) for (long id : ids) {
            JsonNode entries = auditor.get("/api/v1/audit?personId=" + id).body().get("items");
            JsonNode list = null;
            for (JsonNode e : entries) if (e.get("action").asString().equals("LIST")) list = e;
            assertThat(list).as(entries.toString()).isNotNull();
            assertThat(list.get("username").asString()).startsWith("u-commune-officer");
            assertThat(list.get("details").asString()).contains("hoang").contains(String.valueOf(ids.get(0))).contains(String.valueOf(ids.get(1)));
        }
    }
}
