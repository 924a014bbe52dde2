package vn.phaodai.population;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Officers merge duplicates while others register more look-alikes of the same persons, all at once: no answer is a
 * 5xx. A registration takes its audit lane, then refers to its look-alikes (the duplicate pair); a merge used to lock
 * the pair of persons before its lane, so the two could wait on each other (40P01, answered 503).
 */
@PhaodaiIT
class MergesAtOnceIT {

    private static final int PAIRS = 24;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void mergesBesideRegistrationsNeverDeadlock() throws Exception {
        TestApi api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        List<long[]> pairs = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            long a = create(api, "Trần Văn Gộp " + word(i), "04208501" + String.format("%04d", i));
            long b = create(api, "Trần Văn Gộpp " + word(i), "04208502" + String.format("%04d", i));
            pairs.add(new long[]{a, b});
        }
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < PAIRS; i++) {
                long[] pair = pairs.get(i);
                int n = i;
                running.add(pool.submit(() -> {
                    TestApi.Response r = api.post("/api/v1/persons/" + pair[0] + "/merge", Map.of("duplicateId", pair[1]));
                    if (r.status() != 200) wrong.add("merge " + n + ": " + r.status() + " " + r.text());
                }));
                running.add(pool.submit(() -> {
                    TestApi.Response r = api.post("/api/v1/persons", PersonApiIT.person("Trần Văn Gộppp " + word(n), "MALE", "25/03/1985",
                            "04208503" + String.format("%04d", n)));
                    if (r.status() != 201) wrong.add("registration " + n + ": " + r.status() + " " + r.text());
                }));
            }
            for (Future<?> f : running) f.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(wrong).isEmpty();
        assertThat(jdbc.sql("select count(*) from person_merge").query(Long.class).single()).isEqualTo(PAIRS);
    }

    /** A name's last word for a number (names hold letters only). */
    private static String word(int n) {
        String[] syllables = {"An", "Bình", "Cúc", "Dung", "Giang", "Hà", "Khánh", "Lan", "Minh", "Ngọc"};
        return syllables[n / 10 % 10] + " " + syllables[n % 10];
    }

    private static long create(TestApi api, String name, String nationalId) {
        TestApi.Response r = api.post("/api/v1/persons", PersonApiIT.person(name, "MALE", "25/03/1985", nationalId));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("person").get("id").asLong();
    }
}
