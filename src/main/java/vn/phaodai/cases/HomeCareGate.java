package vn.phaodai.cases;

import java.time.LocalDate;

/**
 * Asked before a case moves home from a facility or hospital. Home care owns the eligibility rules and
 * implements it; a case may go home only once a placement was decided for it (eligible, or an officer's
 * override with a reason).
 */
@org.springframework.modulith.NamedInterface("api")
public interface HomeCareGate {

    /** Throws {@link vn.phaodai.shared.ConflictException} when no placement at home stands for the case on that day. */
    void admit(long caseId, LocalDate on);
}
