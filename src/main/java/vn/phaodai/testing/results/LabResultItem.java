package vn.phaodai.testing.results;

import java.math.BigDecimal;

/** One result as a laboratory sends it to {@code POST /api/v1/lab-results}. */
public record LabResultItem(String sampleCode, Long personId, String nationalId, String testType, String sampledAt,
                            String result, BigDecimal ct, String labCode, String poolCode, String reason, Boolean symptomatic,
                            String resultAt) {

    /** The checked line, or an IllegalArgumentException naming what is wrong. */
    public ResultLine check(int line, ResultFields fields) {
        return new ResultLine(line, fields.sampleCode(sampleCode), personId, fields.nationalId(nationalId),
                fields.testType(testType), fields.time(sampledAt, "testing.field.sampledAt"), fields.result(result),
                fields.ct(ct), ResultFields.optional(labCode), ResultFields.optional(poolCode), fields.reason(reason),
                Boolean.TRUE.equals(symptomatic), fields.time(resultAt, "testing.field.resultAt"));
    }
}
