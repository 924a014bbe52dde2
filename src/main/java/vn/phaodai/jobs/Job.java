package vn.phaodai.jobs;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A piece of long work (an import) and how far it has got. */
public record Job(UUID id, String kind, String status, String fileName, String createdBy, OffsetDateTime createdAt,
                  OffsetDateTime finishedAt, int rowsTotal, int rowsDone, int rowsRejected, String phase,
                  @JsonRawValue String result, String error) {

    public boolean finished() {
        return "DONE".equals(status) || "FAILED".equals(status);
    }

    /** Percentage for the progress bar. */
    public int percent() {
        if ("DONE".equals(status)) return 100;
        if (rowsTotal <= 0) return 0;
        return (int) Math.min(99, 100L * rowsDone / rowsTotal);
    }
}
