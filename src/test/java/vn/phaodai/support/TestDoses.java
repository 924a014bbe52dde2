package vn.phaodai.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Doses recorded through the vaccination API, as a station would, for tests of the rules that read the status. */
public final class TestDoses {

    private static final List<String> KINDS = List.of("PRIMARY_1", "PRIMARY_2", "BOOSTER_1", "BOOSTER_2");

    private TestDoses() {
    }

    /** AstraZeneca doses on the days given (primary 1, primary 2, then boosters), past every rule by a stated reason. */
    public static void given(TestApi api, long personId, LocalDate... days) {
        for (int i = 0; i < days.length; i++) dose(api, personId, KINDS.get(i), days[i]);
    }

    /** One AstraZeneca dose of the kind given. */
    public static void dose(TestApi api, long personId, String kind, LocalDate day) {
        Map<String, Object> b = new HashMap<>();
        b.put("personId", personId);
        b.put("givenOn", day.toString());
        b.put("product", "ASTRAZENECA");
        b.put("lot", "NJ0" + (KINDS.indexOf(kind) + 1));
        b.put("doseKind", kind);
        b.put("overrideReason", "Mũi tiêm ghi nhận cho kiểm thử");
        var r = api.post("/api/v1/doses", b);
        assertThat(r.status()).as(r.text()).isIn(200, 201);
    }

    /** Two doses 12 weeks apart, the second on the day given. */
    public static void twoDoses(TestApi api, long personId, LocalDate secondOn) {
        given(api, personId, secondOn.minusWeeks(12), secondOn);
    }
}
