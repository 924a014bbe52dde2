package vn.phaodai.vaccination.sessions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.phaodai.vaccination.stock.BookedUse;
import vn.phaodai.vaccination.stock.Holder;

import java.time.LocalDate;

/**
 * The doses of a lot that a point's planned or open sessions between the two days will still use: each session's
 * capacity less the doses already recorded there, shared equally among its lots (rounded up). Only a point speaks for
 * its doses: a session uses the lots on hand at its point, so the commune's or district's own stock is not spoken for
 * by it (counting it there too would hide doses at risk).
 */
@Component
class BookedSessions implements BookedUse {

    private final JdbcClient jdbc;

    BookedSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long doses(Holder holder, long lotId, LocalDate from, LocalDate until) {
        if (holder.level() != Holder.Level.POINT) return 0;
        return jdbc.sql("""
                with s as (
                    select s.capacity,
                        (select count(*) from vaccination_invitation i where i.session_id = s.id and i.status = 'VACCINATED') as recorded,
                        (select count(*) from vaccination_session_lot x where x.session_id = s.id) as lots
                    from vaccination_session s join vaccination_session_lot sl on sl.session_id = s.id and sl.lot_id = :lot
                    where s.status in ('PLANNED', 'OPEN') and s.on_day between :from and :until and s.point_id::text = :code
                )
                select coalesce(sum(ceil(greatest(capacity - recorded, 0)::numeric / lots)), 0)::bigint from s""")
                .param("lot", lotId).param("from", from).param("until", until).param("code", holder.code())
                .query(Long.class).single();
    }
}
