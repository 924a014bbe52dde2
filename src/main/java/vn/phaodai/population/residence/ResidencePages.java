package vn.phaodai.population.residence;

import vn.phaodai.population.Persons;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.phaodai.geography.Geography;
import vn.phaodai.shared.PageResult;

import java.time.LocalDate;

/** A person's residence history, and a commune's arrivals and departures (phone-first lists by village). */
@Controller
class ResidencePages {

    private final Residence residence;
    private final Persons persons;
    private final Geography geography;

    ResidencePages(Residence residence, Persons persons, Geography geography) {
        this.residence = residence;
        this.persons = persons;
        this.geography = geography;
    }

    @GetMapping("/persons/{id}/residence")
    String history(@PathVariable long id, Model model) {
        model.addAttribute("h", residence.history(id));
        model.addAttribute("p", persons.get(id));
        return "population/residence";
    }

    /** {@code list} is "arrivals" (the default) or "departures". */
    @GetMapping("/communes/{code}/movements")
    String movements(@PathVariable String code, @RequestParam(required = false) String list,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @RequestParam(required = false) Integer minLevel, @RequestParam(required = false) Integer page, Model model) {
        boolean departures = "departures".equals(list);
        PageResult<Residence.Movement> result = departures
                ? residence.departures(code, from, to, PageResult.page(page), 50)
                : residence.arrivals(code, from, to, minLevel, PageResult.page(page), 50);
        model.addAttribute("result", result);
        model.addAttribute("list", departures ? "departures" : "arrivals");
        model.addAttribute("code", code);
        model.addAttribute("communeName", geography.placeName(code));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("minLevel", departures ? null : minLevel);
        return "population/movements";
    }
}
