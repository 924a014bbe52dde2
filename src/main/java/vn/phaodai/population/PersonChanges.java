package vn.phaodai.population;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The registry's list of changed persons (person_change_card, migration V46_2) is kept a week: its readers read it
 * every minute or so, and one that fell behind by days recounts everyone instead (coverage's tally does).
 */
@Component
class PersonChanges {

    private final JdbcClient jdbc;

    PersonChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${phaodai.population.person-changes-prune-ms:3600000}")
    void prune() {
        jdbc.sql("delete from person_change where changed_at < now() - interval '7 days'").update();
    }
}
