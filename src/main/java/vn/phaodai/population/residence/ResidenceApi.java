package vn.phaodai.population.residence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.phaodai.shared.PageResult;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Population", description = "Persons, households and workplaces of the registry")
class ResidenceApi {

    private final Residence residence;

    ResidenceApi(Residence residence) {
        this.residence = residence;
    }

    @PostMapping("/persons/{id}/moves")
    @Operation(summary = "Record a move away (toCommune in the province, or toPlace: a province/district code), an arrival "
            + "(fromPlace, fromLevel 1–4) or a change between permanent and temporary residence; 201, or 200 when already recorded")
    ResponseEntity<Residence.Change> move(@PathVariable long id, @RequestBody Residence.MoveForm form) {
        return answer(residence.move(id, form));
    }

    @PostMapping("/persons/{id}/death")
    @Operation(summary = "Record a death: the person stops counting as a resident from that day")
    ResponseEntity<Residence.Change> death(@PathVariable long id, @RequestBody Residence.DeathForm form) {
        return answer(residence.death(id, form));
    }

    private static ResponseEntity<Residence.Change> answer(Residence.Recorded r) {
        return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK).body(r.change());
    }

    @GetMapping("/persons/{id}/residence")
    @Operation(summary = "Where the person lived: closed periods oldest first, the current one last, and every recorded change")
    Residence.History history(@PathVariable long id) {
        return residence.history(id);
    }

    @GetMapping("/communes/{code}/arrivals")
    @Operation(summary = "Persons who arrived in the commune, by village; minLevel keeps those from places of that epidemic level or higher")
    PageResult<Residence.Movement> arrivals(@PathVariable String code,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                            @RequestParam(required = false) Integer minLevel,
                                            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return residence.arrivals(code, from, to, minLevel, PageResult.page(page), PageResult.size(size));
    }

    @GetMapping("/communes/{code}/departures")
    @Operation(summary = "Persons who moved away from the commune, by village")
    PageResult<Residence.Movement> departures(@PathVariable String code,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return residence.departures(code, from, to, PageResult.page(page), PageResult.size(size));
    }
}
