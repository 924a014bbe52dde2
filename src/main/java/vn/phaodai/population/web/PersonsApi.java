package vn.phaodai.population.web;

import vn.phaodai.population.Households;
import vn.phaodai.population.Person;
import vn.phaodai.population.PersonCriteria;
import vn.phaodai.population.spreadsheets.PersonExport;
import vn.phaodai.population.PersonForm;
import vn.phaodai.population.PersonImport;
import vn.phaodai.population.registry.PersonRepository;
import vn.phaodai.population.Persons;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.PageResult;
import vn.phaodai.shared.Uploads;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Population", description = "Persons, households and workplaces of the registry")
class PersonsApi {

    private final Persons persons;
    private final Households households;
    private final PersonImport personImport;

    private final vn.phaodai.shared.Uploads uploads;
    private final Messages messages;

    PersonsApi(Persons persons, Households households, PersonImport personImport, vn.phaodai.shared.Uploads uploads,
               Messages messages) {
        this.uploads = uploads;
        this.messages = messages;
        this.persons = persons;
        this.households = households;
        this.personImport = personImport;
    }

    @PostMapping("/persons")
    @Operation(summary = "Register a person; 409 when the same person is already registered, similar records are flagged")
    ResponseEntity<Map<String, Object>> create(@RequestBody PersonForm form) {
        Persons.Created created = persons.create(form);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + created.person().id()))
                .body(Map.of("person", created.person(), "duplicateCandidates", created.duplicateCandidates()));
    }

    @GetMapping("/persons/{id}")
    Person get(@PathVariable long id) {
        return persons.get(id);
    }

    @PutMapping("/persons/{id}")
    @Operation(summary = "Change a person; the body's version must be the current one (else 409)")
    Person update(@PathVariable long id, @RequestBody PersonForm form) {
        return persons.update(id, form);
    }

    @GetMapping("/persons")
    @Operation(summary = "Search: q matches names without accents and with typos, or an ID number / phone exactly")
    PageResult<Person> search(@RequestParam(required = false) String q, @RequestParam(required = false) String commune,
                              @RequestParam(required = false) String district, @RequestParam(required = false) Long village,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return persons.search(new PersonCriteria(q, commune, district, village), PageResult.page(page), PageResult.size(size));
    }

    @GetMapping("/persons/missing-national-id")
    @Operation(summary = "Worklist: persons of the ID age or more without a CCCD/CMND, by commune and name; q filters by name")
    PageResult<Person> missingNationalId(@RequestParam(required = false) String q, @RequestParam(required = false) String commune,
                                         @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return persons.missingNationalId(new Persons.MissingNationalIdCriteria(q, commune), PageResult.page(page), PageResult.size(size));
    }

    @GetMapping("/persons/export")
    void exportXlsx(@RequestParam(required = false) String q, @RequestParam(required = false) String commune,
                    @RequestParam(required = false) String district, @RequestParam(required = false) Long village,
                    HttpServletResponse response) throws IOException {
        PersonPages.xlsx(response, "danh-sach-nhan-khau.xlsx");
        persons.export(new PersonCriteria(q, commune, district, village), response.getOutputStream());
    }

    @GetMapping("/persons/{id}/duplicates")
    List<PersonRepository.Candidate> duplicates(@PathVariable long id) {
        persons.get(id);
        return persons.possibleDuplicates(id);
    }

    record MergeRequest(Long duplicateId) {
    }

    @PostMapping("/persons/{id}/merge")
    @Operation(summary = "Merge the duplicate into this person: everything pointing at the duplicate moves here")
    Person merge(@PathVariable long id, @RequestBody MergeRequest body) {
        if (body.duplicateId() == null) throw new InvalidInputException("duplicateId", messages.get("population.merge.duplicateIdRequired"));
        return persons.merge(id, body.duplicateId());
    }

    @PostMapping(path = "/persons/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Import persons from CSV/XLSX (template at /api/v1/persons/import/template); follow the job at /api/v1/jobs/{id}")
    Map<String, Object> importFile(@RequestParam("file") MultipartFile file,
                                   @RequestParam(defaultValue = "false") boolean allOrNothing) throws IOException {
        CurrentUser.require(Right.PERSON_IMPORT); // before the upload is kept
        Path saved = uploads.save(file);
        UUID job = personImport.submit(saved, file.getOriginalFilename(), allOrNothing);
        return Map.of("jobId", job, "status", "/api/v1/jobs/" + job);
    }

    @GetMapping("/persons/import/template")
    void template(HttpServletResponse response) throws IOException {
        PersonPages.xlsx(response, "mau-nhap-nhan-khau.xlsx");
        PersonExport.template(response.getOutputStream());
    }

    record NewHousehold(String communeCode, Long villageId, String code, String address) {
    }

    @PostMapping("/households")
    @ResponseStatus(HttpStatus.CREATED)
    Households.Household createHousehold(@RequestBody NewHousehold body) {
        return households.create(body.communeCode(), body.villageId(), body.code(), body.address());
    }

    @GetMapping("/households/{id}")
    Map<String, Object> household(@PathVariable long id) {
        return Map.of("household", households.household(id), "members", persons.householdMembers(id));
    }

    record NewEnterprise(String name, String taxCode, String communeCode, String address, String industrialPark) {
    }

    @PostMapping("/enterprises")
    @ResponseStatus(HttpStatus.CREATED)
    Households.Enterprise createEnterprise(@RequestBody NewEnterprise body) {
        return households.createEnterprise(body.name(), body.taxCode(), body.communeCode(), body.address(), body.industrialPark());
    }
}
