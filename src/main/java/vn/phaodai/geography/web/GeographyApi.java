package vn.phaodai.geography.web;

import vn.phaodai.geography.AdminUnit;
import vn.phaodai.geography.Geography;
import vn.phaodai.geography.GeographyImporter;
import vn.phaodai.geography.ImportSummary;
import vn.phaodai.geography.Village;
import vn.phaodai.geography.imports.VillageImporter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.phaodai.shared.Uploads;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

@RestController
@RequestMapping("/api/v1/geography")
@Tag(name = "Geography", description = "Provinces, districts, communes (GSO codes) and villages")
class GeographyApi {

    private final Geography geography;
    private final GeographyImporter importer;
    private final VillageImporter villageImporter;

    private final vn.phaodai.shared.Uploads uploads;

    GeographyApi(Geography geography, GeographyImporter importer, VillageImporter villageImporter, vn.phaodai.shared.Uploads uploads) {
        this.uploads = uploads;
        this.geography = geography;
        this.importer = importer;
        this.villageImporter = villageImporter;
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('GEOGRAPHY_ADMIN')")
    @Operation(summary = "Import the GSO list of administrative units (.xls, .xlsx or UTF-8 .csv)")
    ImportSummary importList(@RequestParam("file") MultipartFile file,
                             @RequestParam(defaultValue = "true") boolean complete,
                             @RequestParam(defaultValue = "false") boolean allOrNothing,
                             Principal user) throws IOException {
        return uploads.withFile(file, path ->
                importer.importList(path, file.getOriginalFilename(), user.getName(), complete, allOrNothing));
    }

    @GetMapping("/provinces")
    List<AdminUnit> provinces() {
        return geography.provinces();
    }

    @GetMapping("/provinces/{code}")
    AdminUnit province(@PathVariable String code) {
        return geography.province(code);
    }

    @GetMapping("/provinces/{code}/districts")
    List<AdminUnit> districts(@PathVariable String code) {
        return geography.districts(code);
    }

    @GetMapping("/districts/{code}")
    AdminUnit district(@PathVariable String code) {
        return geography.district(code);
    }

    @GetMapping("/districts/{code}/communes")
    List<AdminUnit> communes(@PathVariable String code) {
        return geography.communes(code);
    }

    @GetMapping("/communes/{code}")
    AdminUnit commune(@PathVariable String code) {
        return geography.commune(code);
    }

    @GetMapping("/communes/{code}/villages")
    List<Village> villages(@PathVariable String code) {
        geography.commune(code);
        return geography.villages(code);
    }

    record NewVillage(String name, String kind) {
    }

    @PostMapping("/communes/{code}/villages")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('GEOGRAPHY_ADMIN')")
    Village addVillage(@PathVariable String code, @RequestBody NewVillage body) {
        return geography.addVillage(code, body.name(), body.kind());
    }

    @PostMapping(path = "/villages/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('GEOGRAPHY_ADMIN')")
    @Operation(summary = "Import villages from CSV/XLSX with columns: Mã PX, Tên thôn/tổ dân phố, Loại")
    VillageImporter.Result importVillages(@RequestParam("file") MultipartFile file) throws IOException {
        return uploads.withFile(file, path -> villageImporter.importFile(path, file.getOriginalFilename()));
    }
}
