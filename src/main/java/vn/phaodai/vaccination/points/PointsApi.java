package vn.phaodai.vaccination.points;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.phaodai.shared.PageResult;

import java.io.IOException;

@RestController
@RequestMapping("/api/v1/vaccination/points")
@Tag(name = "Vaccination points", description = "The places doses are given at, by commune, inside the user's area")
class PointsApi {

    private final Points points;
    private final PointsSheet sheet;

    PointsApi(Points points, PointsSheet sheet) {
        this.points = points;
        this.sheet = sheet;
    }

    @GetMapping
    @Operation(summary = "Points of a commune (commune: its code; none: the whole area) whose name or address contains q; "
            + "closed=true adds the closed ones")
    PageResult<Points.Point> list(@RequestParam(required = false) String commune, @RequestParam(required = false) String q,
                                  @RequestParam(required = false) Boolean closed, @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        return points.list(new Points.Criteria(commune, q, Boolean.TRUE.equals(closed)), PageResult.page(page), PageResult.size(size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One point (404 when missing or outside the area)")
    Points.Point get(@PathVariable long id) {
        return points.get(id);
    }

    @PostMapping
    @Operation(summary = "A new point (communeCode, name, kind, address): 201; the same commune and name again answers the point "
            + "already there (200), or 409 when it is of another kind")
    ResponseEntity<Points.Point> create(@RequestBody Points.Input input) {
        Points.Saved saved = points.create(input);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.point());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Changes a point (name, kind, address, communeCode; active=false closes it, true opens it again)")
    Points.Point update(@PathVariable long id, @RequestBody Points.Input input) {
        return points.update(id, input);
    }

    @GetMapping("/export")
    @Operation(summary = "The list as an Excel workbook")
    void export(@RequestParam(required = false) String commune, @RequestParam(required = false) String q,
                @RequestParam(required = false) Boolean closed, HttpServletResponse response) throws IOException {
        sheet.write(new Points.Criteria(commune, q, Boolean.TRUE.equals(closed)), response);
    }
}
