package vn.phaodai.cases;

import java.time.LocalDate;
import java.util.List;

/**
 * Published inside the transaction that opened or discarded cases, for the capabilities that follow a case
 * (tracing derives tiers from it, quarantine turns a stay into isolation). Listeners run in that transaction.
 */
@org.springframework.modulith.NamedInterface("api")
public record CasesChanged(List<Change> opened, List<Change> discarded) {

    /** A case and its person, with the day the case was confirmed. */
    public record Change(long caseId, long personId, LocalDate confirmedOn) {
    }
}
