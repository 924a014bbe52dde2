package vn.phaodai.vaccination.stock;

import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** No session is booked yet (sessions arrive with issue 15 §7): nothing on hand is spoken for. */
@Component
class NoBookedSessions implements BookedUse {

    @Override
    public long doses(Holder holder, long lotId, LocalDate from, LocalDate until) {
        return 0;
    }
}
