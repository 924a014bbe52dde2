package vn.phaodai.vaccination.sessions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/vaccination/sessions")
@Tag(name = "Vaccination sessions", description = "Sessions at a point on a day, invitations from the due list, check-in, closing")
class SessionApi {

    private final Sessions sessions;

    SessionApi(Sessions sessions) {
        this.sessions = sessions;
    }

    record SessionBody(Long pointId, String day, Integer capacity, List<Long> lotIds) {
        Sessions.SessionInput input() {
            return new Sessions.SessionInput(pointId == null ? null : pointId.toString(), day, capacity == null ? null : capacity.toString(),
                    lotIds == null ? List.of() : lotIds.stream().map(String::valueOf).toList());
        }
    }

    record CloseBody(Map<Long, Integer> openedVials) {
    }

    record SessionView(Sessions.Session session, List<Sessions.Invitation> invitations) {
    }

    @PostMapping
    @Operation(summary = "Plan a session (point, day yyyy-MM-dd or dd/MM/yyyy, capacity, lots on hand at the point): 201; the same again 200")
    ResponseEntity<Sessions.Session> create(@RequestBody(required = false) SessionBody body) {
        Sessions.Created c = sessions.create(body == null ? null : body.input());
        return ResponseEntity.status(c.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(c.session());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a session not closed yet")
    Sessions.Session update(@PathVariable long id, @RequestBody(required = false) SessionBody body) {
        return sessions.update(id, body == null ? null : body.input());
    }

    @GetMapping
    @Operation(summary = "The sessions of a commune (the whole area when none) between two days, the latest first")
    List<Sessions.Session> list(@RequestParam(required = false) String commune, @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to) {
        return sessions.list(commune, from, to);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A session and its invitations")
    SessionView find(@PathVariable long id) {
        return new SessionView(sessions.find(id), sessions.invitations(id));
    }

    @PostMapping("/{id}/invitations")
    @Operation(summary = "Invite from the due list (priority groups first, first doses included) up to the capacity; again, nobody twice")
    List<Sessions.Invitation> invite(@PathVariable long id) {
        return sessions.invite(id);
    }

    @PostMapping("/{id}/check-ins")
    @Operation(summary = "Check a person in by the invitation's code (token) or as a walk-in (personId) and record the dose from the "
            + "session's lot, its kind as the rules propose: 201; again 200; 409 listing brokenRules unless an overrideReason is given")
    ResponseEntity<Sessions.Checked> checkIn(@PathVariable long id, @RequestBody(required = false) Sessions.CheckIn body) {
        Sessions.Checked c = sessions.checkIn(id, body);
        return ResponseEntity.status(c.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(c);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close: the opened vials of each lot (by lot id) counted as wastage, the absent marked no-show")
    Sessions.Session close(@PathVariable long id, @RequestBody(required = false) CloseBody body) {
        Map<Long, String> counts = new HashMap<>();
        if (body != null && body.openedVials() != null) body.openedVials().forEach((k, v) -> counts.put(k, v == null ? null : v.toString()));
        return sessions.close(id, counts);
    }
}
