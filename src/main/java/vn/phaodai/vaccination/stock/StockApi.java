package vn.phaodai.vaccination.stock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.phaodai.shared.Messages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Vaccine stock", description = "Lots received, allocated, returned, discarded and wasted; stock by holder and lot on a date; lots about to expire")
class StockApi {

    private final StockLedger ledger;
    private final Messages messages;

    StockApi(StockLedger ledger, Messages messages) {
        this.ledger = ledger;
        this.messages = messages;
    }

    record ReceiptBody(String unit, String product, String lot, String expiry, Integer dosesPerVial, Integer doses, String supplier, String on) {
    }

    record TransferBody(Long lotId, String from, String to, Integer doses, String on) {
    }

    record DiscardBody(Long lotId, String unit, Integer doses, String reason, String on, String note) {
    }

    record VialCountBody(Long lotId, String point, Integer openedVials, String on) {
    }

    @GetMapping("/vaccine/stock")
    @Operation(summary = "The stock of a holder on a date (today by default), lot by lot: received, allocated in and out, returned, used "
            + "(doses recorded at the point), wasted, discarded, on hand. unit: a province (2 digits), district (3) or commune (5) GSO code, "
            + "or point-<id>")
    StockLedger.Stock stock(@RequestParam(required = false) String unit, @RequestParam(required = false) String on) {
        return ledger.stock(unit, on);
    }

    @GetMapping("/vaccine/stock/export")
    @Operation(summary = "The same stock as an Excel workbook")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String unit, @RequestParam(required = false) String on) throws IOException {
        StockLedger.Stock stock = ledger.stock(unit, on);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StockExport.write(out, messages, stock);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, StockExport.TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + StockExport.fileName(stock) + "\"").body(out.toByteArray());
    }

    @GetMapping("/vaccine/expiring")
    @Operation(summary = "Lots of the area whose doses on hand on the date expire within days (phaodai.vaccination.expiry-alert-days, 30, "
            + "by default) beyond what booked sessions will use, with a suggestion: MOVE (to the points named), OPEN_SESSIONS, DISCARD (expired)")
    List<StockLedger.Expiring> expiring(@RequestParam(required = false) String on, @RequestParam(required = false) String days) {
        return ledger.expiring(on, days);
    }

    @PostMapping("/vaccine/lots")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A delivery received by the province or a district (unit): product code, lot number, expiry, doses per vial "
            + "(the product's by default), doses, from whom (supplier), date; the lot is created on its first delivery")
    StockLedger.Movement receive(@RequestBody ReceiptBody b) {
        return ledger.receive(new StockLedger.Receipt(b.unit(), b.product(), b.lot(), b.expiry(), text(b.dosesPerVial()), text(b.doses()),
                b.supplier(), b.on()));
    }

    @PostMapping("/vaccine/allocations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Doses of a lot allocated from a holder to one below it; 409 if the holder has fewer on hand on that date or later")
    StockLedger.Movement allocate(@RequestBody TransferBody b) {
        return ledger.allocate(new StockLedger.Transfer(text(b.lotId()), b.from(), b.to(), text(b.doses()), b.on()));
    }

    @PostMapping("/vaccine/returns")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Doses of a lot returned from a holder to one above it (the next level up when to is left out); 409 if too few on hand")
    StockLedger.Movement giveBack(@RequestBody TransferBody b) {
        return ledger.giveBack(new StockLedger.Transfer(text(b.lotId()), b.from(), b.to(), text(b.doses()), b.on()));
    }

    @PostMapping("/vaccine/discards")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Doses of a lot discarded at a holder, reason EXPIRED, COLD_CHAIN or DAMAGED; 409 if too few on hand")
    StockLedger.Movement discard(@RequestBody DiscardBody b) {
        return ledger.discard(new StockLedger.Discard(text(b.lotId()), b.unit(), text(b.doses()), b.reason(), b.on(), b.note()));
    }

    @PostMapping("/vaccine/vial-counts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The vials of a lot opened at a point (point-<id>) on a day, counted at the session's end: the doses they held "
            + "and that were not given are wasted; once per point, lot and day")
    StockLedger.Movement countVials(@RequestBody VialCountBody b) {
        return ledger.countVials(new StockLedger.VialCount(text(b.lotId()), b.point(), text(b.openedVials()), b.on()));
    }

    private static String text(Number n) {
        return n == null ? null : n.toString();
    }
}
