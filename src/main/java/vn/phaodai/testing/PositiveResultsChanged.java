package vn.phaodai.testing;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Published, inside the transaction that wrote them, when single-sample results became positive or stopped
 * being positive (an amendment). Cases listen to confirm, link or discard; pooled results never appear here:
 * a pool confirms nobody.
 */
public record PositiveResultsChanged(List<Change> changes, String actor, CaseTally tally) {

    /** One sample whose result moved to or from POSITIVE. */
    public record Change(long sampleId, long personId, String testType, OffsetDateTime sampledAt, boolean positiveNow,
                         boolean symptomatic, String reason) {
    }

    /** What the cases did with the changes, for the import's report. */
    public static final class CaseTally {
        private long created;
        private long linked;
        private long discarded;

        public void add(long created, long linked, long discarded) {
            this.created += created;
            this.linked += linked;
            this.discarded += discarded;
        }

        public long created() {
            return created;
        }

        public long linked() {
            return linked;
        }

        public long discarded() {
            return discarded;
        }
    }
}
