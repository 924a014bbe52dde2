package vn.phaodai.population.pickers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.phaodai.shared.Suggestion;

import java.util.List;

/** The suggestions of a person picker (audited: they name people). */
@RestController
@RequestMapping({"/api/v1/pick", "/pick"}) // machines by token; pages by their session
@Tag(name = "Pickers")
class PersonPickApi {

    private final PersonPicker picker;

    PersonPickApi(PersonPicker picker) {
        this.picker = picker;
    }

    @GetMapping("/persons")
    @Operation(summary = "Persons of the user's area whose name contains q (accents ignored), or with that phone or ID number")
    List<Suggestion> persons(@RequestParam(defaultValue = "") String q) {
        return picker.persons(q);
    }
}
