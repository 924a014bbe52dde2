package vn.phaodai.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.phaodai.shared.ApplicationClock;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A demo installation lives on its outbreak's dates: once loaded, the application clock is set to the last day a case
 * was confirmed (kept in demo_load) and runs on from there, and so again at every start. An explicit
 * {@code phaodai.clock.start} wins; a demo whose cases are gone (the registry emptied) moves no clock.
 */
@Component
class DemoDay {

    private static final Logger log = LoggerFactory.getLogger(DemoDay.class);

    private final JdbcClient jdbc;
    private final ApplicationClock clock;
    private final boolean clockConfigured;

    DemoDay(JdbcClient jdbc, ApplicationClock clock, @Value("${phaodai.clock.start:}") String clockStart) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.clockConfigured = !clockStart.isBlank();
    }

    /** After the demo province is loaded: its outbreak's last day is kept, and the clock set to it. */
    Optional<LocalDate> begin(String provinceCode) {
        Optional<LocalDate> day = jdbc.sql("""
                select max(c.confirmed_on) from case_card c join commune_card m on m.code = c.commune_code
                where m.province_code = ?""").param(provinceCode).query(LocalDate.class).list().stream().filter(d -> d != null).findFirst();
        day.ifPresent(d -> {
            jdbc.sql("update demo_load set outbreak_day = ? where id = (select max(id) from demo_load where province_code = ?)")
                    .params(d, provinceCode).update();
            setClock(d);
        });
        return day;
    }

    /** At start: the demo's day again, if a demo with its cases is installed. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void restore() {
        jdbc.sql("""
                select d.outbreak_day from demo_load d where d.outbreak_day is not null
                  and exists (select 1 from case_card c join commune_card m on m.code = c.commune_code
                              where c.confirmed_on = d.outbreak_day and m.province_code = d.province_code)
                order by d.id desc limit 1""").query(LocalDate.class).optional().ifPresent(this::setClock);
    }

    private void setClock(LocalDate day) {
        if (clockConfigured) {
            log.info("The demo lives on {}, but phaodai.clock.start is set: the clock keeps it", day);
            return;
        }
        clock.setDate(day);
    }
}
