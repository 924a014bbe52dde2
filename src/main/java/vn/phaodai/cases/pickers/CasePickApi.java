package vn.phaodai.cases.pickers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.phaodai.shared.Suggestion;

import java.util.List;

/** The suggestions of a case picker (audited: they name patients). */
@RestController
@RequestMapping({"/api/v1/pick", "/pick"}) // machines by token; pages by their session
@Tag(name = "Pickers")
class CasePickApi {

    private final CasePicker picker;

    CasePickApi(CasePicker picker) {
        this.picker = picker;
    }

    @GetMapping("/cases")
    @Operation(summary = "Cases of the user's area whose patient's name contains q (accents ignored), active first")
    List<Suggestion> cases(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String commune) {
        return picker.cases(q, commune);
    }
}
