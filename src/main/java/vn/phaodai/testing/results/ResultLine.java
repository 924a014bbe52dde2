package vn.phaodai.testing.results;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One laboratory result, checked field by field, as it goes into the staging table. The sample code is the
 * key; person, type and sampling time are needed only when the sample is not registered yet.
 */
public record ResultLine(int line, String sampleCode, Long personId, String nationalId, String testType, OffsetDateTime sampledAt,
                  String result, BigDecimal ct, String labCode, String poolCode, String reason, boolean symptomatic,
                  OffsetDateTime resultAt) {

    /** The staging table's columns, in the order of {@link #values()}. */
    static final java.util.List<String> COLUMNS = java.util.List.of("line", "sample_code", "person_id", "national_id",
            "test_type", "sampled_at", "result", "ct", "lab_code", "pool_code", "reason", "symptomatic", "result_at");

    Object[] values() {
        return new Object[]{line, sampleCode, personId, nationalId, testType, sampledAt, result, ct, labCode, poolCode,
                reason, symptomatic, resultAt};
    }
}
