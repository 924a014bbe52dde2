package vn.phaodai.vaccination.points;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.phaodai.shared.Suggestion;

import java.util.List;

/** The suggestions a vaccination point picker shows as the user types (no personal data: not audited). */
@RestController
@RequestMapping({"/api/v1/pick", "/pick"}) // machines by token; pages by their session
@Tag(name = "Pickers", description = "Suggestions by part of a name, inside the user's jurisdiction")
class PointPickApi {

    private final Points points;

    PointPickApi(Points points) {
        this.points = points;
    }

    @GetMapping("/vaccination-points")
    @Operation(summary = "Open vaccination points of the user's area (of one commune, if given) whose name contains q, accents ignored")
    List<Suggestion> points(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String commune) {
        return points.suggest(q, commune);
    }
}
