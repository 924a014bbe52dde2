package vn.phaodai.homecare.isolation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.phaodai.cases.HomeCareGate;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.Messages;

import java.time.LocalDate;
import java.util.Map;

/** A case comes home from a facility only through a placement decided for it in the last day (see {@link Placements}). */
@Component
class PlacementGate implements HomeCareGate {

    private final JdbcClient jdbc;
    private final Messages messages;

    PlacementGate(JdbcClient jdbc, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public void admit(long caseId, LocalDate on) {
        boolean placed = jdbc.sql("""
                select exists (select 1 from home_placement where case_id = ? and placed_on = ? and placed_at > now() - interval '1 day')""")
                .params(caseId, on).query(Boolean.class).single();
        if (!placed) {
            throw new ConflictException(messages.get("homecare.placing.notAssessed"),
                    "careSetting", Map.of("placement", "/home-care/cases/" + caseId + "/placement"));
        }
    }
}
