package vn.phaodai.testing;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A sample and its result as a reader in the jurisdiction sees it (a pooled member carries its pool's conclusion). */
@org.springframework.modulith.NamedInterface("api")
public record Sample(long id, String code, long personId, String communeCode, String testType, String reason,
                     OffsetDateTime sampledAt, String place, boolean symptomatic, String labCode, String poolCode,
                     String poolResult, Long campaignId, String result, BigDecimal ct, OffsetDateTime resultAt,
                     boolean retestRequired, int revision) {

    /** What the reader should conclude: a positive pool's member is "to re-test singly", never negative. */
    @JsonProperty
    public String conclusion() {
        if (retestRequired) return "RETEST";
        if (result != null) return result;
        if ("POSITIVE".equals(poolResult) || "INVALID".equals(poolResult)) return "POOL_" + poolResult;
        return "PENDING";
    }
}
