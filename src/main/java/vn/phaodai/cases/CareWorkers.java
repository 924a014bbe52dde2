package vn.phaodai.cases;

import java.util.Collection;
import java.util.Map;

/**
 * Who cares for a case: the health worker home care assigned to it. Home care owns the assignment and implements
 * this (it depends on cases, not the other way round); the case page and the export show the name.
 */
@org.springframework.modulith.NamedInterface("api")
public interface CareWorkers {

    /** The assigned worker ("name (phone)") of each of the cases that has one. */
    Map<Long, String> of(Collection<Long> caseIds);
}
