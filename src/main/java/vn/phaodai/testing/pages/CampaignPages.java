package vn.phaodai.testing.pages;

import vn.phaodai.testing.screening.Campaign;
import vn.phaodai.testing.screening.CampaignCoverage;
import vn.phaodai.testing.screening.CampaignForm;
import vn.phaodai.testing.screening.Campaigns;
import vn.phaodai.testing.screening.FactoryTesting;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.phaodai.geography.AdminUnit;
import vn.phaodai.geography.Geography;
import vn.phaodai.geography.Village;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.FormErrors;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.PageResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Screening campaigns (list, form, coverage by village with who is missing) and factory periodic testing. */
@Controller
class CampaignPages {

    private final Campaigns campaigns;
    private final CampaignCoverage coverage;
    private final FactoryTesting factories;
    private final Geography geography;

    CampaignPages(Campaigns campaigns, CampaignCoverage coverage, FactoryTesting factories, Geography geography) {
        this.campaigns = campaigns;
        this.coverage = coverage;
        this.factories = factories;
        this.geography = geography;
    }

    static void xlsx(HttpServletResponse response, String fileName) {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    }

    @GetMapping("/campaigns")
    String list(@RequestParam(required = false) Integer page, Model model) {
        PageResult<Campaign> result = campaigns.list(PageResult.page(page), 20);
        model.addAttribute("result", result);
        model.addAttribute("communeNames", geography.communeNames(result.items().stream()
                .flatMap(c -> c.communeCodes().stream()).distinct().toList()));
        return "testing/campaigns";
    }

    @GetMapping("/campaigns/new")
    String newForm(Model model) {
        CurrentUser.require(Right.TESTING_WRITE);
        return form(model, CampaignForm.empty(), List.of());
    }

    @PostMapping("/campaigns/new")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) List<String> communeCodes,
                  @RequestParam(required = false) List<String> villageIds, @RequestParam(required = false) String startsOn,
                  @RequestParam(required = false) String endsOn, @RequestParam(required = false) String testType,
                  @RequestParam(required = false) String poolSize, Model model) {
        List<Long> villages = new ArrayList<>();
        if (villageIds != null) villageIds.stream().filter(v -> v != null && v.strip().matches("\\d+"))
                .forEach(v -> villages.add(Long.valueOf(v.strip())));
        Integer pool = null;
        if (poolSize != null && !poolSize.isBlank()) {
            // Not a number: 0, which the service refuses with the range.
            pool = poolSize.strip().matches("\\d{1,3}") ? Integer.valueOf(poolSize.strip()) : 0;
        }
        CampaignForm form = new CampaignForm(name, communeCodes == null ? List.of() : communeCodes, villages, startsOn, endsOn,
                testType, pool);
        try {
            return "redirect:/campaigns/" + campaigns.create(form).id();
        } catch (InvalidInputException e) {
            return form(model, form, e.errors());
        }
    }

    private String form(Model model, CampaignForm form, List<FieldError> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", FormErrors.of(errors));
        String communeCode = form.communeCodes().stream().filter(c -> c != null && !c.isBlank()).findFirst().orElse(null);
        AdminUnit commune = communeCode == null ? null : geography.findCommune(communeCode).orElse(null);
        String district = commune == null ? null : commune.parentCode();
        String province = district == null ? null : geography.district(district).parentCode();
        model.addAttribute("commune", commune == null ? null : commune.code());
        model.addAttribute("province", province);
        model.addAttribute("district", district);
        model.addAttribute("provinces", geography.provinces());
        model.addAttribute("districts", province == null ? List.of() : geography.districts(province));
        model.addAttribute("communes", district == null ? List.of() : geography.communes(district));
        model.addAttribute("villages", commune == null ? List.of() : geography.villages(commune.code()));
        return "testing/form";
    }

    @GetMapping("/campaigns/{id}")
    String campaign(@PathVariable long id, @RequestParam(required = false) Long village,
                    @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer hpage, Model model) {
        CampaignCoverage.Report report = coverage.report(id);
        Campaign c = report.campaign();
        model.addAttribute("report", report);
        model.addAttribute("c", c);
        model.addAttribute("communeNames", geography.communeNames(c.communeCodes()));
        model.addAttribute("villageNames", c.villageIds().stream().map(geography::village)
                .flatMap(java.util.Optional::stream).map(Village::name).toList());
        model.addAttribute("village", village);
        model.addAttribute("persons", coverage.unsampled(id, village, PageResult.page(page), 50));
        model.addAttribute("households", coverage.unsampledHouseholds(id, PageResult.page(hpage), 20));
        model.addAttribute("page", PageResult.page(page));
        model.addAttribute("hpage", PageResult.page(hpage));
        return "testing/campaign";
    }

    @GetMapping("/campaigns/{id}/unsampled.xlsx")
    void export(@PathVariable long id, @RequestParam(required = false) Long village, HttpServletResponse response) throws IOException {
        coverage.export(id, village, () -> {
            xlsx(response, "chua-lay-mau-dot-" + id + ".xlsx");
            return response.getOutputStream();
        });
    }

    @GetMapping("/enterprises/testing")
    String factories(@RequestParam(required = false) String province, @RequestParam(required = false) String district,
                     @RequestParam(required = false) String commune, @RequestParam(defaultValue = "false") boolean behindOnly,
                     @RequestParam(required = false) Integer page, Model model) {
        if (notBlank(commune)) {
            AdminUnit c = geography.findCommune(commune).orElse(null);
            if (c != null) district = c.parentCode();
        }
        if (notBlank(district) && !notBlank(province)) province = geography.district(district).parentCode();
        PageResult<FactoryTesting.Compliance> result = factories.compliance(commune, behindOnly, PageResult.page(page), 20);
        model.addAttribute("result", result);
        model.addAttribute("communeNames", geography.communeNames(result.items().stream()
                .map(FactoryTesting.Compliance::communeCode).filter(java.util.Objects::nonNull).distinct().toList()));
        model.addAttribute("province", province);
        model.addAttribute("district", district);
        model.addAttribute("commune", commune);
        model.addAttribute("behindOnly", behindOnly);
        model.addAttribute("provinces", geography.provinces());
        model.addAttribute("districts", notBlank(province) ? geography.districts(province) : List.of());
        model.addAttribute("communes", notBlank(district) ? geography.communes(district) : List.of());
        return "testing/factories";
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
