package vn.phaodai.testing;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Single-sample results that became positive or stopped being positive (an amendment), handed inside the
 * transaction that wrote them to the {@link PositiveResultsHandler} (cases, which confirm, link or discard);
 * pooled results never appear here: a pool confirms nobody. A fact: nobody writes into it.
 */
@org.springframework.modulith.NamedInterface("api")
public record PositiveResultsChanged(List<Change> changes, String actor) {

    /** One sample whose result moved to or from POSITIVE. */
    public record Change(long sampleId, long personId, String testType, OffsetDateTime sampledAt, boolean positiveNow,
                         boolean symptomatic, String reason) {
    }
}
