package vn.phaodai.testing.screening;

import java.util.List;

/**
 * A new campaign as the API or the form sends it. Dates are text (yyyy-MM-dd or dd/MM/yyyy) so that a
 * wrong one is reported on its field rather than as an unreadable body.
 */
public record CampaignForm(String name, List<String> communeCodes, List<Long> villageIds, String startsOn, String endsOn,
                           String testType, Integer poolSize) {

    public static CampaignForm empty() {
        return new CampaignForm(null, List.of(), List.of(), null, null, "RAPID", null);
    }
}
