package vn.phaodai.testing;

import java.util.List;

/**
 * A pool taken: its code, and either its members (sample code and person each) or a household whose
 * present members are all pooled together.
 */
public record PoolForm(String poolCode, String testType, String sampledAt, String labCode, Long householdId,
                       List<Member> members, Long campaignId, String reason) {

    public record Member(String sampleCode, Long personId) {
    }
}
