package vn.phaodai.geography;

import java.util.List;

/** What an import of the official list did, level by level, and the rows it refused. */
public record ImportSummary(Long importId, Counts provinces, Counts districts, Counts communes,
                            List<RejectedRow> rejected, boolean applied) {

    public record Counts(int created, int updated, int deactivated, int unchanged) {
    }

    public record RejectedRow(int line, String reason) {
    }
}
