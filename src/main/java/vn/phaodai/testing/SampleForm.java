package vn.phaodai.testing;

/** A sample taken: registered at sampling, before any result. */
public record SampleForm(String sampleCode, Long personId, String testType, String reason, String sampledAt, String place,
                         Boolean symptomatic, String labCode, Long campaignId) {
}
