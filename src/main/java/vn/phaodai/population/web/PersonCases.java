package vn.phaodai.population.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * A person's cases, for the links of their page. Read from the cases' published view (case_card, decision 0003),
 * so that the registry does not depend on the cases module.
 */
@Component
class PersonCases {

    /** A case as its link says it: confirmed on, and where it stands (case.status.&lt;status&gt;). */
    record CaseLink(long id, LocalDate confirmedOn, String status) {
        boolean open() {
            return "ACTIVE".equals(status);
        }
    }

    private final JdbcClient jdbc;

    PersonCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The open and closed cases of the person, newest first; a discarded one was never a case. */
    List<CaseLink> of(long personId) {
        return jdbc.sql("""
                select id, confirmed_on, status from case_card where person_id = ? and status <> 'DISCARDED'
                order by confirmed_on desc, id desc""").param(personId)
                .query((rs, i) -> new CaseLink(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3))).list();
    }
}
