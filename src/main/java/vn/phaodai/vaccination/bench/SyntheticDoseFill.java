package vn.phaodai.vaccination.bench;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The benchmark's doses beyond the platform's export, written set-based over the persons the export left without
 * a dose: coverage by age as Hà Tĩnh's reports of mid-2022 give it (under 5 none; 5–11 about two thirds with one
 * dose, half with two; 12–17 almost all with two; adults almost all with two, a booster for 60 %, for 75 % of
 * those over 50 and a second booster for a fifth of them). Deterministic: the person's id, hashed, draws.
 */
@Service
public class SyntheticDoseFill {

    private final JdbcClient jdbc;

    SyntheticDoseFill(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the rows of {@link #select} into the registry and analyses it (as autovacuum soon would): the rows added. */
    public int fill(long seed) {
        int rows = jdbc.sql(insert(seed)).update();
        jdbc.sql("analyze vaccine_dose").update();
        return rows;
    }

    /** The doses in the registry. */
    public long doses() {
        return jdbc.sql("select count(*) from vaccine_dose").query(Long.class).single();
    }

    /** The rows to add (person_id, given_on, product_code, dose_kind), as a SELECT: the fill and its bare twin write the same. */
    public static String select(long seed) {
        return """
                with p as (
                    select id, coalesce(extract(year from age(date '2022-06-30', date_of_birth))::int, 2022 - birth_year) as age,
                           abs(hashint8(id + %1$d)) %% 1000 as draw, abs(hashint8(id * 7 + %1$d)) %% 90 as day
                    from person_card pc
                    where not exists (select 1 from vaccine_dose d where d.person_id = pc.id)),
                kinds(kind, n, after) as (values ('PRIMARY_1', 1, 0), ('PRIMARY_2', 2, 56), ('BOOSTER_1', 3, 240), ('BOOSTER_2', 4, 380)),
                wanted as (
                    select id, age, day, case
                        when age < 5 then 0
                        when age < 12 then case when draw < 500 then 2 when draw < 670 then 1 else 0 end
                        when age < 18 then case when draw < 900 then 2 when draw < 960 then 1 else 0 end
                        when age < 50 then case when draw < 600 then 3 when draw < 920 then 2 when draw < 970 then 1 else 0 end
                        else case when draw < 200 then 4 when draw < 750 then 3 when draw < 930 then 2 when draw < 970 then 1 else 0 end
                    end as doses
                    from p)
                select w.id as person_id,
                       (case when w.age < 12 then date '2022-04-20' when w.age < 18 then date '2021-10-15' else date '2021-07-20' end
                        + w.day + k.after) as given_on,
                       case when w.age < 12 then 'COMIRNATY_10' when w.age < 18 or k.n >= 3 then 'COMIRNATY_30'
                            when w.id %% 3 = 0 then 'ASTRAZENECA' when w.id %% 3 = 1 then 'VERO_CELL' else 'SPIKEVAX' end as product_code,
                       k.kind as dose_kind
                from wanted w join kinds k on k.n <= w.doses""".formatted(seed);
    }

    /** The insert of those rows into the registry of doses, as doses recorded by hand (not imports). */
    private static String insert(long seed) {
        return "insert into vaccine_dose (person_id, given_on, product_code, dose_kind, given_at, source, recorded_by)\n"
                + "select person_id, given_on, product_code, dose_kind, 'benchmark', 'MANUAL', 'benchmark' from (" + select(seed) + ") s";
    }
}
