package vn.phaodai.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;

/**
 * Doses written straight into the registry (vaccine_dose) for the certificate's tests, while the recording code is
 * written beside them; persons still come through the API.
 */
public final class CertificateDoses {

    private final JdbcClient jdbc;

    public CertificateDoses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The commune's vaccination point of that name (made once). */
    public long point(String commune, String name) {
        jdbc.sql("insert into vaccination_point (commune_code, name, kind) values (?, ?, 'HEALTH_STATION') on conflict do nothing")
                .params(commune, name).update();
        return jdbc.sql("select id from vaccination_point where commune_code = ? and name = ?").params(commune, name)
                .query(Long.class).single();
    }

    public long dose(long person, LocalDate givenOn, String product, String kind, String lot, Long point) {
        return jdbc.sql("""
                insert into vaccine_dose (person_id, given_on, product_code, lot_number, dose_kind, point_id, source, recorded_by)
                values (?, ?, ?, ?, ?, ?, 'MANUAL', 'test') returning id""")
                .params(person, givenOn, product, lot, kind, point).query(Long.class).single();
    }
}
