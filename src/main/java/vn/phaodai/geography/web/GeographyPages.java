package vn.phaodai.geography.web;

import vn.phaodai.geography.Geography;
import vn.phaodai.geography.GeographyImporter;
import vn.phaodai.geography.imports.VillageImporter;
import vn.phaodai.geography.VillageKind;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Uploads;

import java.io.IOException;
import java.security.Principal;

/** The tree of units, a commune's villages, and the import page. */
@Controller
class GeographyPages {

    private final Geography geography;
    private final GeographyImporter importer;
    private final VillageImporter villageImporter;

    private final vn.phaodai.shared.Uploads uploads;

    GeographyPages(Geography geography, GeographyImporter importer, VillageImporter villageImporter, vn.phaodai.shared.Uploads uploads) {
        this.uploads = uploads;
        this.geography = geography;
        this.importer = importer;
        this.villageImporter = villageImporter;
    }

    @GetMapping("/geography")
    String tree(Model model) {
        model.addAttribute("provinces", geography.provinces());
        model.addAttribute("totals", geography.totals());
        return "geography/tree";
    }

    @GetMapping("/geography/provinces/{code}/districts")
    String districts(@PathVariable String code, Model model) {
        model.addAttribute("units", geography.districts(code));
        return "geography/units :: districts";
    }

    @GetMapping("/geography/districts/{code}/communes")
    String communes(@PathVariable String code, Model model) {
        model.addAttribute("units", geography.communes(code));
        return "geography/units :: communes";
    }

    /** Options for the cascading selects of the person directory and forms. */
    @GetMapping("/geography/options")
    String options(@RequestParam(required = false) String province, @RequestParam(required = false) String district,
                   @RequestParam(required = false) String commune, @RequestParam(required = false) String selected,
                   Model model) {
        model.addAttribute("selected", selected);
        if (commune != null) {
            model.addAttribute("villages", commune.isBlank() ? java.util.List.of() : geography.villages(commune));
            return "geography/units :: village-options";
        }
        if (district != null) model.addAttribute("units", district.isBlank() ? java.util.List.of() : geography.communes(district));
        else model.addAttribute("units", province == null || province.isBlank() ? java.util.List.of() : geography.districts(province));
        return "geography/units :: options";
    }

    @GetMapping("/geography/communes/{code}")
    String commune(@PathVariable String code, Model model) {
        model.addAttribute("commune", geography.commune(code));
        model.addAttribute("place", geography.placeName(code));
        model.addAttribute("villages", geography.villages(code));
        model.addAttribute("kinds", VillageKind.values());
        return "geography/commune";
    }

    @PostMapping("/geography/communes/{code}/villages")
    @PreAuthorize("hasAuthority('GEOGRAPHY_ADMIN')")
    String addVillage(@PathVariable String code, @RequestParam(required = false) String name, @RequestParam(required = false) String kind,
                      RedirectAttributes redirect) {
        try {
            geography.addVillage(code, name, kind);
        } catch (InvalidInputException e) {
            vn.phaodai.shared.FormErrors.flash(redirect, null, e); // at its field, what was typed kept
        }
        return "redirect:/geography/communes/" + code;
    }

    @PostMapping("/geography/villages/import")
    @PreAuthorize("hasAuthority('GEOGRAPHY_ADMIN')")
    String importVillages(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        try {
            var result = uploads.withFile(file, path -> villageImporter.importFile(path, file.getOriginalFilename()));
            redirect.addFlashAttribute("villageResult", result);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/geography";
    }

    @GetMapping("/geography/import")
    @PreAuthorize("hasAuthority('GEOGRAPHY_ADMIN')")
    String importPage() {
        return "geography/import";
    }

    @PostMapping("/geography/import")
    @PreAuthorize("hasAuthority('GEOGRAPHY_ADMIN')")
    String importList(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean complete,
                      @RequestParam(defaultValue = "false") boolean allOrNothing, Principal user, Model model) throws IOException {
        try {
            model.addAttribute("summary", uploads.withFile(file, path ->
                    importer.importList(path, file.getOriginalFilename(), user.getName(), complete, allOrNothing)));
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.errors().get(0).message());
        } catch (IllegalArgumentException | IOException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "geography/import";
    }
}
