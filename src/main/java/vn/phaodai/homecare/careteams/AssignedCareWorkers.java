package vn.phaodai.homecare.careteams;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.phaodai.cases.CareWorkers;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The care assignment, as the case page and the case export show it: the worker's name and phone. */
@Component
class AssignedCareWorkers implements CareWorkers {

    private final JdbcClient jdbc;

    AssignedCareWorkers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, String> of(Collection<Long> caseIds) {
        Map<Long, String> workers = new HashMap<>();
        jdbc.sql("""
                select a.case_id, w.full_name, w.phone from care_assignment a join care_worker w on w.id = a.worker_id
                where a.case_id = any(:ids)""").param("ids", caseIds.toArray(Long[]::new))
                .query(rs -> {
                    String phone = rs.getString(3);
                    workers.put(rs.getLong(1), rs.getString(2) + (phone == null || phone.isBlank() ? "" : " (" + vn.phaodai.shared.Display.phone(phone) + ")"));
                });
        return workers;
    }
}
