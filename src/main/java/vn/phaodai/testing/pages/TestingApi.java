package vn.phaodai.testing.pages;

import vn.phaodai.testing.LabResults;
import vn.phaodai.testing.PoolForm;
import vn.phaodai.testing.Sample;
import vn.phaodai.testing.SampleForm;
import vn.phaodai.testing.Samples;
import vn.phaodai.testing.results.LabResultItem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.PageResult;
import vn.phaodai.shared.Uploads;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Testing", description = "Samples, pools and laboratory results")
class TestingApi {

    private final Samples samples;
    private final LabResults labResults;
    private final JsonMapper json;

    private final vn.phaodai.shared.Uploads uploads;

    private final Messages messages;

    TestingApi(Samples samples, LabResults labResults, JsonMapper json, vn.phaodai.shared.Uploads uploads, Messages messages) {
        this.uploads = uploads;
        this.messages = messages;
        this.samples = samples;
        this.labResults = labResults;
        this.json = json;
    }

    @PostMapping("/samples")
    @Operation(summary = "Register a sample at sampling; the same sample sent again is returned unchanged")
    ResponseEntity<Sample> register(@RequestBody SampleForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(samples.register(form));
    }

    @PostMapping("/pools")
    @Operation(summary = "Register a pool with its member samples, or a household pool")
    ResponseEntity<List<Sample>> pool(@RequestBody PoolForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(samples.registerPool(form));
    }

    @GetMapping("/persons/{id}/tests")
    @Operation(summary = "A person's samples and results, newest first")
    List<Sample> tests(@PathVariable long id) {
        return samples.ofPerson(id);
    }

    @GetMapping("/retests")
    @Operation(summary = "Members of positive pools still owed a single test (the re-sampling list)")
    PageResult<Samples.Retest> retests(@RequestParam(required = false) String commune, @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        return samples.retests(commune, PageResult.page(page), PageResult.size(size));
    }

    @PostMapping("/lab-results")
    @Operation(summary = "One result or an array of results, idempotent by sample code; answers per item "
            + "CREATED / UNCHANGED / AMENDED / REJECTED with the reason")
    LabResults.BatchAnswer labResults(@RequestBody JsonNode body) {
        List<LabResultItem> items = new ArrayList<>();
        if (body.isArray()) {
            for (JsonNode item : body) items.add(item(item));
        } else {
            items.add(item(body));
        }
        return labResults.submit(items);
    }

    private LabResultItem item(JsonNode node) {
        if (!node.isObject()) throw new InvalidInputException("items", messages.get("testing.results.notObject"));
        try {
            return json.treeToValue(node, LabResultItem.class);
        } catch (RuntimeException e) {
            throw new InvalidInputException("items", messages.get("testing.results.unreadable", e.getMessage()));
        }
    }

    @PostMapping("/lab-results/import")
    @Operation(summary = "Import a laboratory's result file (CSV/XLSX) as a background job")
    ResponseEntity<Map<String, Object>> importFile(@RequestParam("file") MultipartFile file) throws IOException {
        CurrentUser.require(Right.LAB_RESULT_WRITE); // before the upload is kept
        var id = labResults.submitFile(uploads.save(file), file.getOriginalFilename());
        return ResponseEntity.accepted().body(Map.of("jobId", id, "status", "/api/v1/jobs/" + id));
    }
}
