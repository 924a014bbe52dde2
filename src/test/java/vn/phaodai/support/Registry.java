package vn.phaodai.support;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Registers test persons through the API, each with a distinct name and ID number. */
public final class Registry {

    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final String LETTERS = "ABCDEGHIKLMNOPQRSTUVXY";

    private final TestApi api;

    public Registry(TestApi api) {
        this.api = api;
    }

    /** A new adult in the commune (and village, when given); returns the person's id. */
    public long person(String commune, Long village) {
        int n = SERIAL.incrementAndGet();
        Map<String, Object> p = new HashMap<>();
        p.put("fullName", "Nguyễn Thị " + name(n));
        p.put("sex", "FEMALE");
        p.put("dateOfBirth", "15/06/1990");
        p.put("nationalId", String.format("042190%06d", n));
        p.put("communeCode", commune);
        if (village != null) p.put("villageId", village);
        var r = api.post("/api/v1/persons", p);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("person").get("id").asLong();
    }

    /** Names without digits: a person's name is letters only. */
    private static String name(int n) {
        StringBuilder s = new StringBuilder();
        for (int x = n; x > 0; x /= LETTERS.length()) s.append(LETTERS.charAt(x % LETTERS.length()));
        return s.toString();
    }
}
