package vn.phaodai.vaccination.due;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;

import java.util.List;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Vaccination due list")
class PriorityGroupApi {

    private final PriorityGroups groups;

    PriorityGroupApi(PriorityGroups groups) {
        this.groups = groups;
    }

    @GetMapping("/vaccination/priority-groups")
    @Operation(summary = "The 16 priority groups of resolution 21/NQ-CP and the Ministry of Health decision 3355: rank (the order of invitation), name, document")
    List<PriorityGroups.Group> all() {
        CurrentUser.require(Right.VACCINATION_READ);
        return groups.all();
    }

    @GetMapping("/persons/{id}/vaccination/priority-groups")
    @Operation(summary = "The priority groups recorded on a person; 404 outside the area")
    PriorityGroups.OfPerson ofPerson(@PathVariable long id) {
        return groups.ofPerson(id);
    }

    @PutMapping("/persons/{id}/vaccination/priority-groups")
    @Operation(summary = "Sets the person's priority groups to exactly these ranks ({\"groups\":[1,9]}, [] clears them; the same "
            + "again changes nothing); 400 naming groups for an unknown rank, 404 outside the area")
    PriorityGroups.OfPerson set(@PathVariable long id, @RequestBody(required = false) PriorityGroups.Input input) {
        return groups.set(id, input);
    }
}
