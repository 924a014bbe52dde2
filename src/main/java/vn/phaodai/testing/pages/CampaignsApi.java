package vn.phaodai.testing.pages;

import vn.phaodai.testing.screening.Campaign;
import vn.phaodai.testing.screening.CampaignCoverage;
import vn.phaodai.testing.screening.CampaignForm;
import vn.phaodai.testing.screening.Campaigns;
import vn.phaodai.testing.screening.FactoryTesting;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.phaodai.shared.PageResult;

import java.io.IOException;
import java.net.URI;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Testing", description = "Screening campaigns and factory periodic testing")
class CampaignsApi {

    private final Campaigns campaigns;
    private final CampaignCoverage coverage;
    private final FactoryTesting factories;

    CampaignsApi(Campaigns campaigns, CampaignCoverage coverage, FactoryTesting factories) {
        this.campaigns = campaigns;
        this.coverage = coverage;
        this.factories = factories;
    }

    @PostMapping("/campaigns")
    @Operation(summary = "Create a screening campaign over communes, or villages, of the user's jurisdiction")
    ResponseEntity<Campaign> create(@RequestBody CampaignForm form) {
        Campaign c = campaigns.create(form);
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + c.id())).body(c);
    }

    @GetMapping("/campaigns")
    PageResult<Campaign> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return campaigns.list(PageResult.page(page), PageResult.size(size));
    }

    @GetMapping("/campaigns/{id}")
    @Operation(summary = "The campaign with its coverage: persons and households sampled, in total and by village")
    CampaignCoverage.Report get(@PathVariable long id) {
        return coverage.report(id);
    }

    @GetMapping("/campaigns/{id}/unsampled")
    @Operation(summary = "Persons of the campaign's area not yet sampled, by village, household and name (village=0: no village)")
    PageResult<CampaignCoverage.UnsampledPerson> unsampled(@PathVariable long id, @RequestParam(required = false) Long village,
                                                           @RequestParam(required = false) Integer page,
                                                           @RequestParam(required = false) Integer size) {
        return coverage.unsampled(id, village, PageResult.page(page), PageResult.size(size));
    }

    @GetMapping("/campaigns/{id}/unsampled-households")
    @Operation(summary = "Households of which nobody has been sampled (hộ sót)")
    PageResult<CampaignCoverage.UnsampledHousehold> unsampledHouseholds(@PathVariable long id,
                                                                        @RequestParam(required = false) Integer page,
                                                                        @RequestParam(required = false) Integer size) {
        return coverage.unsampledHouseholds(id, PageResult.page(page), PageResult.size(size));
    }

    @GetMapping("/campaigns/{id}/unsampled/export")
    void export(@PathVariable long id, @RequestParam(required = false) Long village, HttpServletResponse response) throws IOException {
        coverage.export(id, village, () -> {
            CampaignPages.xlsx(response, "chua-lay-mau-dot-" + id + ".xlsx");
            return response.getOutputStream();
        });
    }

    @GetMapping("/enterprises/testing-compliance")
    @Operation(summary = "Enterprises with their workers tested this period against the share required, most behind first")
    PageResult<FactoryTesting.Compliance> compliance(@RequestParam(required = false) String commune,
                                                     @RequestParam(defaultValue = "false") boolean behindOnly,
                                                     @RequestParam(required = false) Integer page,
                                                     @RequestParam(required = false) Integer size) {
        return factories.compliance(commune, behindOnly, PageResult.page(page), PageResult.size(size));
    }
}
