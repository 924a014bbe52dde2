package vn.phaodai.vaccination.imports;

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
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.PageResult;
import vn.phaodai.shared.Uploads;

import java.io.IOException;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/doses/import")
@Tag(name = "Vaccination import", description = "The national vaccination platform's export, and the lines that named nobody")
class DoseImportApi {

    private final DoseImports imports;
    private final UnmatchedLines unmatched;
    private final Uploads uploads;

    DoseImportApi(DoseImports imports, UnmatchedLines unmatched, Uploads uploads) {
        this.imports = imports;
        this.unmatched = unmatched;
        this.uploads = uploads;
    }

    @PostMapping
    @Operation(summary = "Import the national platform's export (CSV/XLSX: Họ và tên, Ngày sinh, Số CCCD/CMND, Tên vắc xin, "
            + "Ngày tiêm, Mũi tiêm, …) as a background job; the job's result counts created, unchanged, unmatched and rejected lines")
    ResponseEntity<Map<String, Object>> importFile(@RequestParam("file") MultipartFile file) throws IOException {
        CurrentUser.require(Right.VACCINATION_WRITE); // before the upload is kept
        var id = imports.submitFile(uploads.save(file), file.getOriginalFilename());
        return ResponseEntity.accepted().body(Map.of("jobId", id, "status", "/api/v1/jobs/" + id));
    }

    @GetMapping("/unmatched")
    @Operation(summary = "The imported lines that named nobody of the area, open for matching")
    PageResult<UnmatchedLines.Line> unmatched(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size) {
        return unmatched.open(q, PageResult.page(page), PageResult.size(size));
    }

    record MatchRequest(Long personId) {
    }

    @PostMapping("/unmatched/{id}/match")
    @Operation(summary = "Match a line to a person of the area: its dose is recorded (409 when the person has that dose kind otherwise)")
    UnmatchedLines.Matched match(@PathVariable long id, @RequestBody MatchRequest request) {
        return unmatched.match(id, request.personId());
    }

    record RegisterRequest(String sex, String communeCode, Long villageId, String address) {
    }

    @PostMapping("/unmatched/{id}/register")
    @Operation(summary = "Register the line's person in the registry (its checks apply), then record the dose")
    ResponseEntity<UnmatchedLines.Matched> register(@PathVariable long id, @RequestBody RegisterRequest r) {
        return ResponseEntity.status(HttpStatus.CREATED).body(unmatched.register(id, r.sex(), r.communeCode(), r.villageId(), r.address()));
    }
}
