package vn.phaodai.vaccination.sessions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.vaccination.stock.StockLedger;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The demo's sessions of its own day, made the way a province and its communes make them, through the same services:
 * the province sends each of its three most populous communes' health stations 60 doses of the lot it holds most of,
 * the station plans a session of 30 with that lot and invites from its due list. A first start then has sessions to
 * open, invitations to print and persons to check in.
 */
@Service
public class SyntheticSessions {

    private static final Logger log = LoggerFactory.getLogger(SyntheticSessions.class);
    private static final int STATIONS = 3;
    private static final int DOSES = 60;
    private static final int CAPACITY = 30;

    /** Sessions planned and persons invited. */
    public record Result(int sessions, int invitations) {
    }

    private record Station(long id, String commune) {
    }

    private final JdbcClient jdbc;
    private final Sessions sessions;
    private final StockLedger stock;

    SyntheticSessions(JdbcClient jdbc, Sessions sessions, StockLedger stock) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.stock = stock;
    }

    /** On the day, as the current user (the system user when the demo loads); a demo loaded again fills the same sessions. */
    @Transactional
    public Result write(String provinceCode, LocalDate day) {
        List<Station> stations = jdbc.sql("""
                select v.id, v.commune_code from vaccination_point v join commune_card c on c.code = v.commune_code
                where c.province_code = ? and v.kind = 'HEALTH_STATION' and v.active
                order by (select count(*) from person_card p where p.commune_code = v.commune_code) desc, v.id limit ?""")
                .params(provinceCode, STATIONS).query((rs, i) -> new Station(rs.getLong(1), rs.getString(2))).list();
        int planned = 0;
        int invited = 0;
        LocalDate before = day.minusDays(1);
        for (Station s : stations) {
            Optional<StockLedger.LotStock> lot = stock.onHand(provinceCode, before).stream()
                    .filter(l -> l.expiry().isAfter(day) && l.onHand() >= DOSES).max(Comparator.comparingLong(StockLedger.LotStock::onHand));
            if (lot.isEmpty()) continue;
            try {
                stock.allocate(new StockLedger.Transfer(String.valueOf(lot.get().lotId()), provinceCode, "point-" + s.id(),
                        String.valueOf(DOSES), before.toString()));
                Sessions.Created c = sessions.create(new Sessions.SessionInput(String.valueOf(s.id()), day.toString(),
                        String.valueOf(CAPACITY), List.of(String.valueOf(lot.get().lotId()))));
                if (!c.repeated()) planned++;
                invited += sessions.invite(c.session().id()).size(); // up to the capacity, nobody twice: again, the same
            } catch (InvalidInputException | ConflictException e) { // the day not reached on the clock, a session there already
                log.info("No demo session at point {}: {}", s.id(), e.getMessage());
            }
        }
        return new Result(planned, invited);
    }
}
