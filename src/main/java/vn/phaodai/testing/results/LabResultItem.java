package vn.phaodai.testing.results;

import java.math.BigDecimal;

/** One result as a laboratory sends it to {@code POST /api/v1/lab-results}. */
public record LabResultItem(String sampleCode, Long personId, String nationalId, String testType, String sampledAt,
                            String result, BigDecimal ct, String labCode, String poolCode, String reason, Boolean symptomatic,
                            String resultAt) {

    /** The checked line, or an IllegalArgumentException naming what is wrong. */
    public ResultLine check(int line) {
        return new ResultLine(line, ResultFields.sampleCode(sampleCode), personId, ResultFields.nationalId(nationalId),
                ResultFields.testType(testType), ResultFields.time(sampledAt, "Thời gian lấy mẫu"), ResultFields.result(result),
                ResultFields.ct(ct), ResultFields.optional(labCode), ResultFields.optional(poolCode), ResultFields.reason(reason),
                Boolean.TRUE.equals(symptomatic), ResultFields.time(resultAt, "Thời gian trả kết quả"));
    }
}
