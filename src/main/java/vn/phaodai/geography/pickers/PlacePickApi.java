package vn.phaodai.geography.pickers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.phaodai.shared.Suggestion;

import java.util.List;

/** The suggestions a commune or village picker shows as the user types (no personal data: not audited). */
@RestController
@RequestMapping({"/api/v1/pick", "/pick"}) // machines by token; pages by their session
@Tag(name = "Pickers", description = "Suggestions by part of a name, inside the user's jurisdiction")
class PlacePickApi {

    private final CommunePicker picker;

    PlacePickApi(CommunePicker picker) {
        this.picker = picker;
    }

    @GetMapping("/communes")
    @Operation(summary = "Communes of the user's area whose name contains q (accents and case ignored)")
    List<Suggestion> communes(@RequestParam(defaultValue = "") String q) {
        return picker.communes(q);
    }

    @GetMapping("/villages")
    @Operation(summary = "Villages of the user's area (of one commune when given) whose name contains q")
    List<Suggestion> villages(@RequestParam(required = false) String commune, @RequestParam(defaultValue = "") String q) {
        return picker.villages(commune, q);
    }
}
