package vn.phaodai.vaccination.stock;

import java.time.LocalDate;

/**
 * The doses of a lot that booked sessions of a holder (and of the holders below it) will use between two days: the
 * expiry alert subtracts them from what is on hand. The sessions module answers it (every bean of this type is added
 * up).
 */
public interface BookedUse {

    long doses(Holder holder, long lotId, LocalDate from, LocalDate until);
}
