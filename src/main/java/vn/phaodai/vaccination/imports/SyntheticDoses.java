package vn.phaodai.vaccination.imports;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.shared.Messages;

import java.time.LocalDate;

/**
 * The doses of a synthetic province's residents, as Vietnam gave them in late 2021–2022: adults' first doses from
 * July 2021 (AstraZeneca first, then Vero Cell, Pfizer and Moderna), second doses at each product's interval,
 * boosters from 17 December 2021 (10722/BYT-DP) at 3 months or more, second boosters for 50+ from May 2022 at
 * 4 months or more, 12–17 from November 2021 (mostly Pfizer), 5–11 from April 2022 (Pfizer 10 µg); a few percent
 * never vaccinated. Each dose at the health station of the person's commune, from a lot of its product and month;
 * the province receives and allocates to each point the doses it gave and a few more (the open vials' rest).
 * <p>
 * Written set-based (INSERT ... SELECT over the registry, a hash of the person's id and the seed for every draw), so
 * the same seed gives the same doses and 1,300,000 persons take seconds, not hours. This writes the vaccination
 * module's tables directly, as a loader of synthetic data, the way an import of the national platform would fill
 * them; nothing but the demo and the benchmark calls it. Doses already there are kept (one per person and kind).
 */
@Service
public class SyntheticDoses {

    /** What was written: points created, lots, doses, stock movements, and the time it took. */
    public record Result(int points, int lots, long doses, int movements, long ms) {
    }

    static final String RECORDED_BY = "generator";

    private final JdbcClient jdbc;
    private final Messages messages;

    SyntheticDoses(JdbcClient jdbc, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /**
     * Doses for the residents of a province, given up to {@code until} (inclusive), drawn from {@code seed}.
     * Ages are counted on 1 January 2022; a person who died is given nothing after the day of death.
     */
    @Transactional
    public Result write(String provinceCode, long seed, LocalDate until) {
        long start = System.nanoTime();
        int points = jdbc.sql("""
                insert into vaccination_point (commune_code, name, kind, address)
                select c.code, cast(:station as text) || c.name, 'HEALTH_STATION', c.name
                from commune_card c where c.province_code = :province
                on conflict (commune_code, name) do nothing""").param("province", provinceCode)
                .param("station", messages.get("vaccination.synthetic.station")).update();
        long doses = jdbc.sql(DOSES).param("province", provinceCode).param("seed", seed).param("until", until)
                .param("by", RECORDED_BY).param("station", messages.get("vaccination.synthetic.station"))
                .param("vaccinator", messages.get("vaccination.synthetic.vaccinator")).update();
        int lots = jdbc.sql("""
                insert into vaccine_lot (product_code, lot_number, expiry, doses_per_vial)
                select d.product_code, d.lot_number, min(d.lot_expiry), min(p.doses_per_vial)
                from vaccine_dose d join vaccine_product p on p.code = d.product_code
                join vaccination_point v on v.id = d.point_id join commune_card c on c.code = v.commune_code
                where d.recorded_by = :by and c.province_code = :province
                group by d.product_code, d.lot_number
                on conflict (product_code, lot_number) do nothing""").param("by", RECORDED_BY).param("province", provinceCode).update();
        int movements = stock(provinceCode);
        return new Result(points, lots, doses, movements, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The province receives each lot (what its points gave, a tenth more kept at the province) a week before its first
     * dose, and allocates to each point, two days before the point's first dose of the lot, what it gave rounded up to
     * whole vials: issued minus used is then the rest of the opened vials. An earlier run's allocations count: only a shortfall is allocated again.
     */
    private int stock(String provinceCode) {
        jdbc.sql("""
                create temp table synthetic_allocation on commit drop as
                select l.id as lot_id, d.point_id, min(d.given_on) - 2 as on_date,
                       (ceil(count(*)::numeric / l.doses_per_vial) * l.doses_per_vial)::int as doses
                from vaccine_dose d join vaccine_lot l on l.product_code = d.product_code and l.lot_number = d.lot_number
                join vaccination_point v on v.id = d.point_id join commune_card c on c.code = v.commune_code
                where d.recorded_by = :by and c.province_code = :province
                group by l.id, l.doses_per_vial, d.point_id""").param("by", RECORDED_BY).param("province", provinceCode).update();
        // What was allocated before (an earlier run over the same points) counts: only the shortfall is allocated.
        jdbc.sql("""
                update synthetic_allocation a set doses = a.doses - (select coalesce(sum(m.doses), 0) from vaccine_stock_movement m
                    where m.kind = 'ALLOCATE' and m.recorded_by = :by and m.lot_id = a.lot_id and m.to_level = 'POINT'
                      and m.to_code = a.point_id::text and m.on_date <= a.on_date)""").param("by", RECORDED_BY).update();
        jdbc.sql("delete from synthetic_allocation where doses <= 0").update();
        int received = jdbc.sql("""
                insert into vaccine_stock_movement (lot_id, kind, on_date, to_level, to_code, doses, supplier, note, recorded_by)
                select lot_id, 'RECEIVE', min(on_date) - 5, 'PROVINCE', :province, (sum(doses) * 1.1)::int,
                       cast(:supplier as text), cast(:note as text), :by
                from synthetic_allocation group by lot_id""").param("by", RECORDED_BY).param("note", messages.get("vaccination.synthetic.note"))
                .param("supplier", messages.get("vaccination.synthetic.supplier")).param("province", provinceCode).update();
        int allocated = jdbc.sql("""
                insert into vaccine_stock_movement (lot_id, kind, on_date, from_level, from_code, to_level, to_code, doses, note, recorded_by)
                select lot_id, 'ALLOCATE', on_date, 'PROVINCE', :province, 'POINT', point_id::text, doses, cast(:note as text), :by
                from synthetic_allocation""").param("by", RECORDED_BY).param("note", messages.get("vaccination.synthetic.note")).param("province", provinceCode).update();
        jdbc.sql("drop table synthetic_allocation").update();
        return received + allocated;
    }

    /*
     * Eleven uniform draws per person from three hashes of (id, seed), 16 bits each. Ages on 1 Jan 2022 make the band:
     * A adults (18+), T teenagers (12–17), C children (5–11). The lot is the product's prefix and the dose's month.
     */
    private static final String DOSES = """
            with p as (
                select p.id, p.died_on, v.id as point_id,
                       extract(year from age(date '2022-01-01', coalesce(p.date_of_birth, make_date(p.birth_year, 7, 1))))::int as age,
                       hashint8extended(p.id, :seed) as h1, hashint8extended(p.id, :seed + 1) as h2,
                       hashint8extended(p.id, :seed + 2) as h3
                from person_card p join commune_card c on c.code = p.commune_code
                join vaccination_point v on v.commune_code = p.commune_code and v.name = cast(:station as text) || c.name
                where c.province_code = :province and (p.date_of_birth is not null or p.birth_year is not null)
            ), u as (
                select id, died_on, point_id, age,
                       case when age >= 18 then 'A' when age >= 12 then 'T' when age >= 5 then 'C' end as band,
                       ((h1 >> 0) & 65535) / 65536.0 as u0, ((h1 >> 16) & 65535) / 65536.0 as u1,
                       ((h1 >> 32) & 65535) / 65536.0 as u2, ((h1 >> 48) & 65535) / 65536.0 as u3,
                       ((h2 >> 0) & 65535) / 65536.0 as u4, ((h2 >> 16) & 65535) / 65536.0 as u5,
                       ((h2 >> 32) & 65535) / 65536.0 as u6, ((h2 >> 48) & 65535) / 65536.0 as u7,
                       ((h3 >> 0) & 65535) / 65536.0 as u8, ((h3 >> 16) & 65535) / 65536.0 as u9,
                       ((h3 >> 32) & 65535) / 65536.0 as u10
                from p
            ), d1 as (
                select u.*,
                       case band when 'A' then date '2021-07-10' + (power(u1, 1.3) * 120)::int
                                 when 'T' then date '2021-11-01' + (u1 * 50)::int
                                 else date '2022-04-20' + (u1 * 90)::int end as first_on,
                       case band when 'A' then u0 < 0.965 when 'T' then u0 < 0.95 else u0 < 0.62 end as vaccinated
                from u where band is not null
            ), d2 as (
                select d1.*,
                       case when band = 'C' then 'COMIRNATY_10'
                            when band = 'T' then case when u2 < 0.85 then 'COMIRNATY_30' else 'SPIKEVAX' end
                            when first_on < date '2021-08-01' or u2 < 0.38 then 'ASTRAZENECA'
                            when u2 < 0.68 then 'VERO_CELL' when u2 < 0.9 then 'COMIRNATY_30' else 'SPIKEVAX' end as product
                from d1 where vaccinated
            ), d3 as (
                select d2.*,
                       first_on + case product when 'ASTRAZENECA' then 56 + (u3 * 28)::int when 'SPIKEVAX' then 28 + (u3 * 7)::int
                                               when 'COMIRNATY_10' then 21 + (u3 * 35)::int else 21 + (u3 * 7)::int end as second_on,
                       u4 < case band when 'C' then 0.85 else 0.965 end as second
                from d2
            ), d4 as (
                select d3.*,
                       greatest(second_on + 90, case band when 'A' then date '2021-12-20' else date '2022-08-01' end)
                           + (power(u6, 1.5) * 120)::int as booster_on,
                       second and u5 < case band when 'A' then 0.72 when 'T' then 0.35 else 0 end as boosted
                from d3
            ), doses as (
                select id, died_on, point_id, 'PRIMARY_1' as kind, first_on as given_on, product from d4
                union all
                select id, died_on, point_id, 'PRIMARY_2', second_on, product from d4 where second
                union all
                select id, died_on, point_id, 'BOOSTER_1', booster_on,
                       case when band = 'T' or u7 < 0.55 then 'COMIRNATY_30' when u7 < 0.8 then 'SPIKEVAX' else 'ASTRAZENECA' end
                from d4 where boosted
                union all
                select id, died_on, point_id, 'BOOSTER_2', greatest(booster_on + 120, date '2022-05-25') + (u9 * 90)::int,
                       case when u10 < 0.6 then 'COMIRNATY_30' else 'SPIKEVAX' end
                from d4 where boosted and age >= 50 and u8 < 0.45
            )
            insert into vaccine_dose (person_id, given_on, product_code, lot_number, lot_expiry, dose_kind, point_id, vaccinator,
                                      source, recorded_by)
            select id, given_on, product,
                   case product when 'ASTRAZENECA' then 'AZ' when 'VERO_CELL' then 'VC' when 'COMIRNATY_30' then 'FK'
                                when 'COMIRNATY_10' then 'FP' else 'MD' end || to_char(given_on, 'YYMM'),
                   (date_trunc('month', given_on) + interval '6 months')::date, kind, point_id, cast(:vaccinator as text), 'IMPORT', :by
            from doses where given_on <= :until and (died_on is null or given_on < died_on)
            on conflict (person_id, dose_kind) do nothing""";
}
