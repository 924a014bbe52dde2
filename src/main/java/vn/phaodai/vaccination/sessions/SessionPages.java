package vn.phaodai.vaccination.sessions;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.phaodai.geography.pickers.CommunePicker;
import vn.phaodai.population.pickers.PersonPicker;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.Choice;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.FormErrors;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;
import vn.phaodai.shared.PageResult;
import vn.phaodai.vaccination.certificates.QrImage;
import vn.phaodai.vaccination.doses.Doses;
import vn.phaodai.vaccination.stock.StockLedger;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vaccinator's pages, phone first: the sessions of a commune, planning one (a point of the commune, the lots it
 * holds), and the session itself: invite from the due list, print the invitations with their QR codes, check a person
 * in by the code (or by name, a walk-in), confirm the dose the rules propose, close with the opened vials.
 */
@Controller
class SessionPages {

    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int PAGE_SIZE = 30;

    private final Sessions sessions;
    private final Doses doses;
    private final StockLedger stock;
    private final CommunePicker communes;
    private final PersonPicker persons;
    private final ApplicationClock clock;
    private final Messages messages;

    SessionPages(Sessions sessions, Doses doses, StockLedger stock, CommunePicker communes, PersonPicker persons, ApplicationClock clock,
                 Messages messages) {
        this.messages = messages;
        this.sessions = sessions;
        this.doses = doses;
        this.stock = stock;
        this.communes = communes;
        this.persons = persons;
        this.clock = clock;
    }

    @GetMapping("/vaccination/sessions")
    String list(@RequestParam(required = false) String commune, @RequestParam(required = false) String communeName,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) Integer page, Model model) {
        CurrentUser.require(Right.VACCINATION_READ);
        String c = communes.filter("commune", commune, communeName, model);
        if (c == null && (communeName == null || communeName.isBlank())) c = communes.onlyCommune();
        Map<String, String> errors = new LinkedHashMap<>();
        if (model.getAttribute("errors") instanceof Map<?, ?> m) m.forEach((k, v) -> errors.put(String.valueOf(k), String.valueOf(v)));
        List<Sessions.Session> found = List.of();
        if (errors.isEmpty()) {
            try {
                found = sessions.list(c, from, to);
            } catch (InvalidInputException e) {
                errors.putAll(FormErrors.of(e));
            }
        }
        int p = PageResult.page(page);
        int start = Math.min(found.size(), p * PAGE_SIZE);
        model.addAttribute("result", new PageResult<>(found.subList(start, Math.min(found.size(), start + PAGE_SIZE)), found.size(), p, PAGE_SIZE));
        model.addAttribute("errors", errors);
        model.addAttribute("commune", c);
        model.addAttribute("communeName", communeName);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("canWrite", CurrentUser.get().can(Right.VACCINATION_WRITE));
        return "vaccination/sessions";
    }

    /** The form: the commune's points; once a point is chosen, the lots it holds. */
    @GetMapping("/vaccination/sessions/new")
    String form(@RequestParam(required = false) String commune, @RequestParam(required = false) String communeName,
                @RequestParam(required = false) String pointId, Model model) {
        CurrentUser.require(Right.VACCINATION_WRITE);
        String c = communes.filter("commune", commune, communeName, model);
        if (c == null) c = communes.onlyCommune();
        model.addAttribute("commune", c);
        model.addAttribute("communeName", communeName);
        model.addAttribute("pointId", pointId);
        return showForm(model, c, pointId);
    }

    @PostMapping("/vaccination/sessions/new")
    String create(@RequestParam(required = false) String commune, @RequestParam(required = false) String pointId,
                  @RequestParam(required = false) String day, @RequestParam(required = false) String capacity,
                  @RequestParam(required = false) List<String> lotIds, Model model) {
        try {
            Sessions.Created c = sessions.create(new Sessions.SessionInput(pointId, day, capacity, lotIds));
            return "redirect:/vaccination/sessions/" + c.session().id();
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("errors", FormErrors.of(e));
        }
        model.addAttribute("commune", commune);
        model.addAttribute("pointId", pointId);
        return showForm(model, commune, pointId);
    }

    private String showForm(Model model, String commune, String pointId) {
        List<Doses.Point> points = doses.points(CurrentUser.get().scope()).stream()
                .filter(p -> commune == null || commune.equals(p.communeCode())).toList();
        model.addAttribute("points", points);
        Doses.Point point = points.stream().filter(p -> String.valueOf(p.id()).equals(pointId)).findFirst().orElse(null);
        model.addAttribute("point", point);
        model.addAttribute("lots", point == null ? List.of() : stock.onHandAtPoint(point.id(), clock.today()));
        model.addAttribute("today", clock.today().format(VN));
        return "vaccination/session-form";
    }

    @GetMapping("/vaccination/sessions/{id}")
    String session(@PathVariable long id, @RequestParam(required = false) Long recorded, @RequestParam(required = false) Integer invited,
                   Model model) {
        Sessions.Session s = sessions.find(id);
        List<Sessions.Invitation> invitations = sessions.invitations(id);
        model.addAttribute("s", s);
        model.addAttribute("invitations", invitations);
        model.addAttribute("recorded", recorded == null ? null : invitations.stream().filter(i -> i.id() == recorded).findFirst().orElse(null));
        model.addAttribute("invited", invited);
        model.addAttribute("canWrite", CurrentUser.get().can(Right.VACCINATION_WRITE));
        model.addAttribute("isToday", !s.day().isAfter(clock.today()));
        return "vaccination/session";
    }

    @PostMapping("/vaccination/sessions/{id}/invite")
    String invite(@PathVariable long id, Model model) {
        try {
            int before = sessions.find(id).invited();
            sessions.invite(id);
            return "redirect:/vaccination/sessions/" + id + "?invited=" + (sessions.find(id).invited() - before);
        } catch (ConflictException e) {
            model.addAttribute("errors", FormErrors.of(e));
            return session(id, null, null, model);
        }
    }

    /** The code typed or scanned, or a person chosen by name: what will be recorded, to confirm. */
    @PostMapping("/vaccination/sessions/{id}/find")
    String find(@PathVariable long id, @RequestParam(required = false) String token, @RequestParam(required = false) String personId,
                @RequestParam(required = false) String personIdName, Model model) {
        try {
            Sessions.CheckIn in;
            if (token != null && !token.isBlank()) in = new Sessions.CheckIn(token, null, null, null, null, null);
            else {
                Choice chosen = persons.choose(personId != null && personId.strip().matches("\\d{1,18}") ? personId : null, personIdName);
                if (chosen.failed() || chosen.id() == null) {
                    throw new InvalidInputException("token", chosen.failed() ? chosen.error() : sessionsMessage("checkIn.required"));
                }
                in = new Sessions.CheckIn(null, Long.valueOf(chosen.id()), null, null, null, null);
            }
            return confirm(model, sessions.propose(id, in), sessions.find(id));
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("errors", FormErrors.of(e));
        } catch (NotFoundException e) {
            model.addAttribute("errors", Map.of("token", e.getMessage()));
        }
        return session(id, null, null, model);
    }

    @PostMapping("/vaccination/sessions/{id}/check-in")
    String checkIn(@PathVariable long id, @RequestParam long invitation, @RequestParam(required = false) Long lotId,
                   @RequestParam(required = false) String reaction, @RequestParam(required = false) String reactionNote,
                   @RequestParam(required = false) String overrideReason, Model model) {
        Sessions.Invitation inv = sessions.invitations(id).stream().filter(i -> i.id() == invitation).findFirst()
                .orElseThrow(() -> new NotFoundException(sessionsMessage("notFound", String.valueOf(id))));
        Sessions.CheckIn in = new Sessions.CheckIn(inv.token(), null, lotId, reaction, reactionNote, overrideReason);
        try {
            Sessions.Checked c = sessions.checkIn(id, in);
            return "redirect:/vaccination/sessions/" + id + "?recorded=" + c.invitation().id();
        } catch (Doses.RulesBroken e) {
            model.addAttribute("brokenRules", e.broken());
            model.addAttribute("errors", Map.of("overrideReason", e.getMessage()));
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("errors", FormErrors.of(e));
        }
        return confirm(model, sessions.propose(id, in), sessions.find(id));
    }

    private String confirm(Model model, Sessions.Proposal p, Sessions.Session s) {
        model.addAttribute("p", p);
        model.addAttribute("s", s);
        model.addAttribute("reactions", Doses.REACTIONS);
        return "vaccination/session-confirm";
    }

    @PostMapping("/vaccination/sessions/{id}/close")
    String close(@PathVariable long id, HttpServletRequest request, Model model) {
        Map<Long, String> vials = new HashMap<>();
        for (Sessions.SessionLot l : sessions.find(id).lots()) vials.put(l.lotId(), request.getParameter("vials-" + l.lotId()));
        try {
            sessions.close(id, vials);
            return "redirect:/vaccination/sessions/" + id;
        } catch (InvalidInputException | ConflictException e) {
            Map<String, String> errors = new HashMap<>();
            FormErrors.of(e).forEach((k, v) -> errors.put(k.replace("openedVials.", "vials-"), v));
            model.addAttribute("errors", errors);
        }
        return session(id, null, null, model);
    }

    /** One invitation a card: the person, the session, the QR code of the invitation's code. */
    @GetMapping("/vaccination/sessions/{id}/print")
    String print(@PathVariable long id, Model model) {
        Sessions.Session s = sessions.find(id);
        List<Map<String, Object>> cards = new ArrayList<>();
        for (Sessions.Invitation i : sessions.invitations(id)) {
            if (!"INVITED".equals(i.status())) continue;
            cards.add(Map.of("i", i, "qr", QrImage.dataUri(i.token())));
        }
        model.addAttribute("s", s);
        model.addAttribute("cards", cards);
        return "vaccination/session-print";
    }

    private String sessionsMessage(String key, Object... args) {
        return messages.get("vaccination.session." + key, args);
    }
}
