package vn.phaodai.vaccination.stock;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.Choice;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.FormErrors;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keeper's pages, phone first: the stock of a holder by lot on a date (with its Excel), the lots about to expire,
 * and the five forms (receive, allocate, return, discard, count opened vials). A refused form comes back with each
 * message at its field and everything typed kept; holders are chosen by name.
 */
@Controller
class StockPages {

    static final Set<String> ACTIONS = Set.of("receive", "allocate", "return", "discard", "count");
    /** Who delivers vaccine to a province, offered as suggestions: any other name may be typed. Names as written: data. */
    static final List<String> SUPPLIERS = List.of("Viện Vệ sinh dịch tễ Trung ương", "Bộ Y tế", "Chương trình COVAX", "Sở Y tế",
            "Trung tâm Kiểm soát bệnh tật tỉnh");

    private final StockLedger ledger;
    private final Holders holders;
    private final Messages messages;

    StockPages(StockLedger ledger, Holders holders, Messages messages) {
        this.ledger = ledger;
        this.holders = holders;
        this.messages = messages;
    }

    @GetMapping("/vaccine/stock")
    String stock(@RequestParam(required = false) String unit, @RequestParam(required = false) String unitName,
                 @RequestParam(required = false) String on, Model model) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINE_STOCK_READ);
        Choice chosen = holders.choose(unit, unitName, user.scope());
        String u = chosen.id() != null ? chosen.id() : (unitName == null || unitName.isBlank() ? ownUnit(user) : null);
        if (chosen.failed()) model.addAttribute("errors", Map.of("unit", chosen.error()));
        model.addAttribute("unit", u);
        model.addAttribute("unitName", chosen.failed() ? unitName : holders.label(u));
        model.addAttribute("on", on);
        if (u != null) {
            try {
                model.addAttribute("stock", ledger.stock(u, on));
            } catch (InvalidInputException e) {
                model.addAttribute("errors", FormErrors.of(e));
            }
        }
        return "vaccination/stock";
    }

    @GetMapping("/vaccine/stock/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String unit, @RequestParam(required = false) String on) throws IOException {
        StockLedger.Stock stock = ledger.stock(unit, on);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StockExport.write(out, messages, stock);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, StockExport.TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + StockExport.fileName(stock) + "\"").body(out.toByteArray());
    }

    @GetMapping("/vaccine/expiring")
    String expiring(@RequestParam(required = false) String on, @RequestParam(required = false) String days, Model model) {
        model.addAttribute("on", on);
        model.addAttribute("days", days == null || days.isBlank() ? String.valueOf(ledger.alertDays()) : days);
        try {
            model.addAttribute("lots", ledger.expiring(on, days));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e));
            model.addAttribute("lots", List.of());
        }
        return "vaccination/expiring";
    }

    @GetMapping("/vaccine/stock/{action}")
    String form(@PathVariable String action, @RequestParam(required = false) String unit, @RequestParam(required = false) String unitName,
                @RequestParam(required = false) String lot, Model model) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINE_STOCK_WRITE);
        Choice chosen = holders.choose(unit, unitName, user.scope());
        if (chosen.failed()) model.addAttribute("errors", Map.of("unit", chosen.error()));
        return showForm(action, chosen.id() != null ? chosen.id() : (chosen.failed() ? null : ownUnit(user)), unitName, lot, model);
    }

    private String showForm(String action, String unit, String unitName, String lot, Model model) {
        if (!ACTIONS.contains(action)) throw new vn.phaodai.shared.NotFoundException(messages.get("vaccination.stock.form.unknown", action));
        PhaodaiUser user = CurrentUser.require(Right.VACCINE_STOCK_WRITE);
        Holder holder = unit == null ? null : holders.visible(unit, user.scope());
        model.addAttribute("action", action);
        model.addAttribute("holder", holder);
        model.addAttribute("unitName", holder == null ? unitName : holder.name());
        model.addAttribute("lot", lot);
        model.addAttribute("today", ledger.today().toString());
        if (holder != null && !action.equals("receive")) {
            model.addAttribute("lots", ledger.lotsAt(holder, ledger.today()).stream().filter(l -> l.onHand() > 0).toList());
        }
        model.addAttribute("products", ledger.products());
        model.addAttribute("suppliers", SUPPLIERS);
        model.addAttribute("reasons", StockLedger.REASONS);
        return "vaccination/stock-form";
    }

    @PostMapping("/vaccine/stock/{action}")
    String send(@PathVariable String action, @RequestParam Map<String, String> f, HttpServletRequest request, Model model,
                RedirectAttributes redirect) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINE_STOCK_WRITE);
        String unit = f.get("unit");
        try {
            if ((unit == null || unit.isBlank()) && f.get("unitName") != null && !f.get("unitName").isBlank()) {
                Choice c = holders.choose(null, f.get("unitName"), user.scope());
                if (c.failed()) throw new InvalidInputException("unit", c.error());
                unit = c.id();
            }
            StockLedger.Movement done = switch (action) {
                case "receive" -> ledger.receive(new StockLedger.Receipt(unit, f.get("product"), f.get("lotNumber"), f.get("expiry"),
                        f.get("dosesPerVial"), f.get("doses"), f.get("supplier"), f.get("on")));
                case "allocate" -> ledger.allocate(new StockLedger.Transfer(f.get("lotId"), unit, target(f, user), f.get("doses"), f.get("on")));
                case "return" -> ledger.giveBack(new StockLedger.Transfer(f.get("lotId"), unit, target(f, user), f.get("doses"), f.get("on")));
                case "discard" -> ledger.discard(new StockLedger.Discard(f.get("lotId"), unit, f.get("doses"), f.get("reason"), f.get("on"),
                        f.get("note")));
                case "count" -> ledger.countVials(new StockLedger.VialCount(f.get("lotId"), unit, f.get("openedVials"), f.get("on")));
                default -> throw new vn.phaodai.shared.NotFoundException(messages.get("vaccination.stock.form.unknown", action));
            };
            redirect.addFlashAttribute("done", done);
            String shown = "receive".equals(action) ? done.to() : done.from();
            return "redirect:" + UriComponentsBuilder.fromPath("/vaccine/stock").queryParam("unit", shown).encode().toUriString();
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("errors", renamed(FormErrors.of(e), action));
        }
        return showForm(action, "receive".equals(action) ? null : unit, null, f.get("lotId"), model);
    }

    /** The holder picked in the "to" field: the chosen one, the one the typed name names, else a message at the field. */
    private String target(Map<String, String> f, PhaodaiUser user) {
        if (f.get("to") != null && !f.get("to").isBlank()) return f.get("to");
        Choice c = holders.choose(null, f.get("toName"), user.scope());
        if (c.failed()) throw new InvalidInputException("to", c.error());
        return c.id();
    }

    /** The form's own names for the service's fields (the holder is "unit" on every form). */
    private static Map<String, String> renamed(Map<String, String> errors, String action) {
        Map<String, String> named = new java.util.LinkedHashMap<>();
        errors.forEach((field, message) -> named.merge(switch (field) {
            case "from", "point" -> "unit";
            case "lot" -> "lotNumber";
            default -> field;
        }, message, (a, b) -> a + "; " + b));
        return named;
    }

    /** The one commune of a commune keeper: their stock page opens on it. */
    private static String ownUnit(PhaodaiUser user) {
        return "COMMUNE".equals(user.jurisdictionLevel()) && user.jurisdictionCodes().size() == 1 ? user.jurisdictionCodes().get(0) : null;
    }
}
