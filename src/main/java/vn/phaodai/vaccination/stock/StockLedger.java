package vn.phaodai.vaccination.stock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stock by lot (issue 15 §8): lots received by the province or a district, allocated down, returned up, discarded
 * with a reason, the doses of opened vials not given counted at a point; each an appended movement. The stock of a
 * holder and lot on a date is computed from the movements and the doses recorded at the point (vaccine_dose), never
 * stored; a movement that would leave a stock below zero on that date or any later one is refused (409).
 */
@Service
public class StockLedger {

    public static final List<String> REASONS = List.of("EXPIRED", "COLD_CHAIN", "DAMAGED");
    static final int MAX_DOSES = 10_000_000;
    static final int MAX_TEXT = 200;
    static final int MAX_DAYS = 365;
    /** How far back a point's use of a product makes it a place to move an expiring lot to. */
    static final int RECENT_USE_DAYS = 28;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public record Lot(long id, String product, String productName, String lotNumber, LocalDate expiry, int dosesPerVial) {
    }

    public record Movement(long id, long lotId, String kind, LocalDate on, String from, String to, int doses, String supplier,
                           String reason, Integer openedVials, String note, String recordedBy) {
    }

    /** One lot at one holder on a date: what came in, went out, was used, wasted and discarded, and what is left. */
    public record LotStock(long lotId, String product, String productName, String lotNumber, LocalDate expiry, int dosesPerVial,
                           long received, long allocatedIn, long returnedIn, long allocatedOut, long returnedOut, long used,
                           long wasted, long discarded, long onHand) {
        /** Everything that came in equals what is on hand plus everything that went out. */
        public long cameIn() {
            return received + allocatedIn + returnedIn;
        }
    }

    public record Stock(String unit, String level, String name, LocalDate on, List<LotStock> lots) {
    }

    /** A holder one could move an expiring lot to: it gave doses of the product lately. */
    public record Target(String unit, String name, long recentDoses) {
    }

    /** A lot whose doses on hand will expire unused unless moved or used: with what to do about it. */
    public record Expiring(String unit, String level, String name, long lotId, String product, String productName, String lotNumber,
                           LocalDate expiry, long daysLeft, long onHand, long booked, long atRisk, String suggestion,
                           String suggestionText, List<Target> moveTo) {
    }

    /** A delivery as typed: the numbers and dates as text, read here so that every wrong value answers at its field. */
    public record Receipt(String unit, String product, String lot, String expiry, String dosesPerVial, String doses, String supplier,
                          String on) {
    }

    /** An allocation down or a return up (for a return "to" may be left out: the holder one level up). */
    public record Transfer(String lotId, String from, String to, String doses, String on) {
    }

    public record Discard(String lotId, String unit, String doses, String reason, String on, String note) {
    }

    public record VialCount(String lotId, String point, String openedVials, String on) {
    }

    private static final RowMapper<Lot> LOT = (rs, i) -> new Lot(rs.getLong("id"), rs.getString("product_code"), rs.getString("product_name"),
            rs.getString("lot_number"), rs.getObject("expiry", LocalDate.class), rs.getInt("doses_per_vial"));

    private final JdbcClient jdbc;
    private final Holders holders;
    private final AuditLog audit;
    private final Messages messages;
    private final ApplicationClock clock;
    private final List<BookedUse> booked;
    private final int alertDays;

    StockLedger(JdbcClient jdbc, Holders holders, AuditLog audit, Messages messages, ApplicationClock clock, List<BookedUse> booked,
                @Value("${phaodai.vaccination.expiry-alert-days:30}") int alertDays) {
        this.jdbc = jdbc;
        this.holders = holders;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.booked = booked;
        this.alertDays = alertDays;
    }

    public int alertDays() {
        return alertDays;
    }

    // ---------------------------------------------------------------------------------------------------- movements

    /** A delivery to the province or a district: the lot is created on its first delivery, found again on the next. */
    @Transactional
    public Movement receive(Receipt r) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINE_STOCK_WRITE);
        Errors errors = new Errors();
        Holder to = holder(errors, "unit", r.unit(), user.scope());
        if (to != null && to.level() != Holder.Level.PROVINCE && to.level() != Holder.Level.DISTRICT) {
            errors.add("unit", messages.get("vaccination.stock.receive.level"));
        }
        Optional<Integer> productDoses = r.product() == null ? Optional.empty()
                : jdbc.sql("select doses_per_vial from vaccine_product where code = ?").param(r.product().strip()).query(Integer.class).optional();
        if (productDoses.isEmpty()) errors.add("product", messages.get("vaccination.stock.product.unknown"));
        String lotNumber = r.lot() == null ? "" : r.lot().strip().toUpperCase(java.util.Locale.ROOT);
        if (lotNumber.isEmpty()) errors.add("lot", messages.get("vaccination.stock.lot.required"));
        else if (lotNumber.length() > 40) errors.add("lot", messages.get("vaccination.stock.text.tooLong", 40));
        LocalDate expiry = date(errors, "expiry", r.expiry(), false);
        // Left out: the product's doses per vial (none when the product is unknown, already an error).
        Integer perVial = r.dosesPerVial() == null || r.dosesPerVial().isBlank() ? productDoses.orElse(null)
                : Integer.valueOf(whole(errors, "dosesPerVial", r.dosesPerVial(), 20));
        int doses = whole(errors, "doses", r.doses(), MAX_DOSES);
        String supplier = text(errors, "supplier", r.supplier(), true);
        LocalDate on = date(errors, "on", r.on(), true);
        if (expiry != null && on != null && expiry.isBefore(on)) errors.add("expiry", messages.get("vaccination.stock.receive.expired", DAY.format(expiry)));
        Optional<Lot> known = productDoses.isEmpty() || lotNumber.isEmpty() ? Optional.empty() : lot(r.product().strip(), lotNumber);
        if (known.isPresent()) {
            Lot l = known.get();
            if (expiry != null && !expiry.equals(l.expiry())) {
                errors.add("expiry", messages.get("vaccination.stock.lot.otherExpiry", l.lotNumber(), DAY.format(l.expiry())));
            }
            if (perVial != null && r.dosesPerVial() != null && !r.dosesPerVial().isBlank() && perVial != l.dosesPerVial()) {
                errors.add("dosesPerVial", messages.get("vaccination.stock.lot.otherVial", l.lotNumber(), l.dosesPerVial()));
            }
        }
        errors.raise();
        long lotId = known.map(Lot::id).orElseGet(() -> jdbc.sql("""
                insert into vaccine_lot (product_code, lot_number, expiry, doses_per_vial) values (?, ?, ?, ?)
                on conflict (product_code, lot_number) do update set lot_number = excluded.lot_number returning id""")
                .params(r.product().strip(), lotNumber, expiry, perVial).query(Long.class).single());
        return append(user, "RECEIVE", lotId, on, null, to, doses, supplier, null, null, null);
    }

    /** Doses sent down to a holder below (a district's commune, a commune's point, ...). */
    @Transactional
    public Movement allocate(Transfer t) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINE_STOCK_WRITE);
        Errors errors = new Errors();
        Lot lot = lot(errors, t.lotId());
        Holder from = holder(errors, "from", t.from(), user.scope());
        Holder to = holder(errors, "to", t.to(), user.scope());
        if (from != null && to != null && !from.above(to)) errors.add("to", messages.get("vaccination.stock.allocate.notBelow", from.name()));
        int doses = whole(errors, "doses", t.doses(), MAX_DOSES);
        LocalDate on = date(errors, "on", t.on(), true);
        errors.raise();
        if (on.isAfter(lot.expiry())) {
            throw new ConflictException(messages.get("vaccination.stock.allocate.expired", lot.lotNumber(), DAY.format(lot.expiry())), "on", Map.of());
        }
        takeFrom(from, lot, on, doses);
        return append(user, "ALLOCATE", lot.id(), on, from, to, doses, null, null, null, null);
    }

    /** Doses sent back up (to the holder one level up unless another one above is named). */
    @Transactional
    public Movement giveBack(Transfer t) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINE_STOCK_WRITE);
        Errors errors = new Errors();
        Lot lot = lot(errors, t.lotId());
        Holder from = holder(errors, "from", t.from(), user.scope());
        Holder to = null;
        String toUnit = t.to() == null || t.to().isBlank() ? (from == null ? null : from.parentUnit()) : t.to();
        if (from != null) {
            if (toUnit == null) {
                errors.add("to", messages.get("vaccination.stock.return.top"));
            } else {
                to = holders.find(toUnit).orElse(null); // the holder above may be outside the keeper's area: it only receives
                if (to == null || !to.above(from)) errors.add("to", messages.get("vaccination.stock.return.notAbove", from.name()));
            }
        }
        int doses = whole(errors, "doses", t.doses(), MAX_DOSES);
        LocalDate on = date(errors, "on", t.on(), true);
        errors.raise();
        takeFrom(from, lot, on, doses);
        return append(user, "RETURN", lot.id(), on, from, to, doses, null, null, null, null);
    }

    /** Doses destroyed: expired, a broken cold chain, damaged. */
    @Transactional
    public Movement discard(Discard d) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINE_STOCK_WRITE);
        Errors errors = new Errors();
        Lot lot = lot(errors, d.lotId());
        Holder from = holder(errors, "unit", d.unit(), user.scope());
        int doses = whole(errors, "doses", d.doses(), MAX_DOSES);
        String reason = d.reason() == null ? null : d.reason().strip();
        if (reason == null || !REASONS.contains(reason)) errors.add("reason", messages.get("vaccination.stock.discard.reason"));
        LocalDate on = date(errors, "on", d.on(), true);
        String note = text(errors, "note", d.note(), false);
        errors.raise();
        takeFrom(from, lot, on, doses);
        return append(user, "DISCARD", lot.id(), on, from, null, doses, null, reason, null, note);
    }

    /**
     * The vials of a lot opened at a point on a day, counted at the session's end: the doses they held and that were
     * not given (the doses recorded at the point that day from that lot) are wasted.
     */
    @Transactional
    public Movement countVials(VialCount c) {
        return countVials(c, CurrentUser.require(Right.VACCINE_STOCK_WRITE));
    }

    /** The same count at a session's end, by its vaccinator (who records doses but keeps no stock). */
    @Transactional
    public Movement countVialsOfSession(VialCount c) {
        return countVials(c, CurrentUser.require(Right.VACCINATION_WRITE));
    }

    /** The lots with doses on hand at a point on a day (a session's choice of lots), the soonest expiry first. */
    public List<LotStock> onHandAtPoint(long pointId, LocalDate on) {
        return onHand(Holder.POINT_PREFIX + pointId, on);
    }

    /** The lots with doses on hand at a holder (a unit's code, or point-&lt;id&gt;) on a day; no right asked: the caller's. */
    public List<LotStock> onHand(String unit, LocalDate on) {
        return holders.find(unit).map(h -> lotsAt(h, on)).orElse(List.of()).stream().filter(l -> l.onHand() > 0).toList();
    }

    private Movement countVials(VialCount c, PhaodaiUser user) {
        Errors errors = new Errors();
        Lot lot = lot(errors, c.lotId());
        Holder point = holder(errors, "point", c.point(), user.scope());
        if (point != null && point.level() != Holder.Level.POINT) errors.add("point", messages.get("vaccination.stock.count.point"));
        int opened = whole(errors, "openedVials", c.openedVials(), 100_000);
        LocalDate on = date(errors, "on", c.on(), true);
        errors.raise();
        long given = jdbc.sql("""
                select count(*) from vaccine_dose where point_id = ? and given_on = ? and product_code = ?
                and upper(btrim(lot_number)) = ?""").params(Long.parseLong(point.code()), on, lot.product(), lot.lotNumber())
                .query(Long.class).single();
        long held = (long) opened * lot.dosesPerVial();
        if (held < given) {
            long least = (given + lot.dosesPerVial() - 1) / lot.dosesPerVial();
            throw new InvalidInputException("openedVials", messages.get("vaccination.stock.count.tooFew", given, least));
        }
        int wasted = (int) (held - given);
        takeFrom(point, lot, on, wasted);
        try {
            return append(user, "WASTE", lot.id(), on, point, null, wasted, null, null, opened, null);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(messages.get("vaccination.stock.count.again", lot.lotNumber(), DAY.format(on)), "on", Map.of());
        }
    }

    /** Refuses (409, in words) taking more than the holder has of the lot on that date and every later one. */
    private void takeFrom(Holder h, Lot lot, LocalDate on, int doses) {
        if (doses == 0) return;
        jdbc.sql("select pg_advisory_xact_lock(hashtext('vaccine_stock'), hashtext(? || ':' || ?))")
                .params(h.unit(), String.valueOf(lot.id())).query((rs, i) -> 1).list();
        Map<String, Object> p = holderParams(h);
        p.put("lot", lot.id());
        p.put("product", lot.product());
        p.put("lotNumber", lot.lotNumber());
        p.put("on", on);
        long available = jdbc.sql("""
                with ev as (
                    select on_date as d, doses as delta from vaccine_stock_movement
                    where lot_id = :lot and to_level = :level and to_code = :code
                    union all
                    select on_date, -doses from vaccine_stock_movement where lot_id = :lot and from_level = :level and from_code = :code
                    union all
                    select given_on, -1 from vaccine_dose
                    where :isPoint and point_id = :pointId and product_code = :product and upper(btrim(lot_number)) = :lotNumber
                ), daily as (select d, sum(delta) as delta from ev group by d),
                run as (select d, sum(delta) over (order by d) as bal from daily)
                select least(coalesce((select bal from run where d <= :on order by d desc limit 1), 0),
                             coalesce((select min(bal) from run where d > :on), 9223372036854775807))""")
                .params(p).query(Long.class).single();
        if (available < doses) {
            throw new ConflictException(messages.get("vaccination.stock.negative", Math.max(available, 0), lot.lotNumber(), h.name(),
                    DAY.format(on), doses), "doses", Map.of("available", Math.max(available, 0)));
        }
    }

    private Movement append(PhaodaiUser user, String kind, long lotId, LocalDate on, Holder from, Holder to, int doses, String supplier,
                            String reason, Integer opened, String note) {
        long id = jdbc.sql("""
                insert into vaccine_stock_movement (lot_id, kind, on_date, from_level, from_code, to_level, to_code, doses, supplier,
                    reason, opened_vials, note, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(lotId, kind, on, from == null ? null : from.level().name(), from == null ? null : from.code(),
                        to == null ? null : to.level().name(), to == null ? null : to.code(), doses, supplier, reason, opened, note,
                        user.username())
                .query(Long.class).single();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("lot", lotId);
        details.put("doses", doses);
        if (from != null) details.put("from", from.unit());
        if (to != null) details.put("to", to.unit());
        switch (kind) { // each action named where it is recorded, so that its words are checked (CodeLabelsTest)
            case "RECEIVE" -> audit.record("STOCK_RECEIVE", "vaccine_stock_movement", id, null, details);
            case "ALLOCATE" -> audit.record("STOCK_ALLOCATE", "vaccine_stock_movement", id, null, details);
            case "RETURN" -> audit.record("STOCK_RETURN", "vaccine_stock_movement", id, null, details);
            case "DISCARD" -> audit.record("STOCK_DISCARD", "vaccine_stock_movement", id, null, details);
            default -> audit.record("STOCK_WASTE", "vaccine_stock_movement", id, null, details);
        }
        return new Movement(id, lotId, kind, on, from == null ? null : from.unit(), to == null ? null : to.unit(), doses, supplier, reason,
                opened, note, user.username());
    }

    // ---------------------------------------------------------------------------------------------------- reads

    /** The stock of a holder of the user's area on a date (today when none), lot by lot, the soonest expiry first. */
    public Stock stock(String unit, String onText) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINE_STOCK_READ);
        LocalDate on = onDate(onText);
        Holder h = holders.visible(unit, user.scope());
        return new Stock(h.unit(), h.level().name(), h.name(), on, lotsAt(h, on));
    }

    /** The lots a holder has anything of on the date (for a form's choice: those with doses on hand). */
    List<LotStock> lotsAt(Holder h, LocalDate on) {
        Map<String, Object> p = holderParams(h);
        p.put("on", on);
        return jdbc.sql("""
                with m as (
                    select lot_id, kind, doses, true as incoming from vaccine_stock_movement
                    where to_level = :level and to_code = :code and on_date <= :on
                    union all
                    select lot_id, kind, doses, false from vaccine_stock_movement
                    where from_level = :level and from_code = :code and on_date <= :on
                ), moved as (
                    select lot_id,
                           coalesce(sum(doses) filter (where incoming and kind = 'RECEIVE'), 0) as received,
                           coalesce(sum(doses) filter (where incoming and kind = 'ALLOCATE'), 0) as allocated_in,
                           coalesce(sum(doses) filter (where incoming and kind = 'RETURN'), 0) as returned_in,
                           coalesce(sum(doses) filter (where not incoming and kind = 'ALLOCATE'), 0) as allocated_out,
                           coalesce(sum(doses) filter (where not incoming and kind = 'RETURN'), 0) as returned_out,
                           coalesce(sum(doses) filter (where kind = 'WASTE'), 0) as wasted,
                           coalesce(sum(doses) filter (where kind = 'DISCARD'), 0) as discarded
                    from m group by lot_id
                ), used as (
                    select l.id as lot_id, count(*) as used from vaccine_dose d
                    join vaccine_lot l on l.product_code = d.product_code and l.lot_number = upper(btrim(d.lot_number))
                    where :isPoint and d.point_id = :pointId and d.given_on <= :on group by l.id
                )
                select l.id, l.product_code, p.name as product_name, l.lot_number, l.expiry, l.doses_per_vial,
                       coalesce(m.received, 0) as received, coalesce(m.allocated_in, 0) as allocated_in,
                       coalesce(m.returned_in, 0) as returned_in, coalesce(m.allocated_out, 0) as allocated_out,
                       coalesce(m.returned_out, 0) as returned_out, coalesce(u.used, 0) as used,
                       coalesce(m.wasted, 0) as wasted, coalesce(m.discarded, 0) as discarded
                from vaccine_lot l join vaccine_product p on p.code = l.product_code
                left join moved m on m.lot_id = l.id left join used u on u.lot_id = l.id
                where m.lot_id is not null or u.lot_id is not null
                order by l.expiry, l.lot_number""").params(p)
                .query((rs, i) -> {
                    long received = rs.getLong("received"), in = rs.getLong("allocated_in"), back = rs.getLong("returned_in");
                    long out = rs.getLong("allocated_out"), up = rs.getLong("returned_out"), used = rs.getLong("used");
                    long wasted = rs.getLong("wasted"), discarded = rs.getLong("discarded");
                    return new LotStock(rs.getLong("id"), rs.getString("product_code"), rs.getString("product_name"), rs.getString("lot_number"),
                            rs.getObject("expiry", LocalDate.class), rs.getInt("doses_per_vial"), received, in, back, out, up, used, wasted,
                            discarded, received + in + back - out - up - used - wasted - discarded);
                }).list();
    }

    /**
     * The lots of the user's area whose doses on hand on the date expire within the days given (the setting when
     * none) beyond what booked sessions will use before the expiry; an expired lot still held is listed too (discard
     * it). The soonest expiry first.
     */
    public List<Expiring> expiring(String onText, String daysText) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINE_STOCK_READ);
        LocalDate on = onDate(onText);
        int days = alertDays;
        if (daysText != null && !daysText.isBlank()) {
            Errors errors = new Errors();
            days = whole(errors, "days", daysText, MAX_DAYS, true);
            errors.raise();
        }
        LocalDate until = on.plusDays(days);
        record Held(long lotId, String level, String code, long onHand) {
        }
        List<Held> held = jdbc.sql("""
                with lots as (select id, product_code, lot_number from vaccine_lot where expiry <= :until),
                ev as (
                    select m.lot_id, m.to_level as level, m.to_code as code, m.doses as delta from vaccine_stock_movement m
                    join lots l on l.id = m.lot_id where m.to_level is not null and m.on_date <= :on
                    union all
                    select m.lot_id, m.from_level, m.from_code, -m.doses from vaccine_stock_movement m
                    join lots l on l.id = m.lot_id where m.from_level is not null and m.on_date <= :on
                    union all
                    select l.id, 'POINT', d.point_id::text, -1 from vaccine_dose d
                    join lots l on l.product_code = d.product_code and l.lot_number = upper(btrim(d.lot_number))
                    where d.point_id is not null and d.given_on <= :on
                )
                select lot_id, level, code, sum(delta) from ev group by lot_id, level, code having sum(delta) > 0""")
                .param("until", until).param("on", on)
                .query((rs, i) -> new Held(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list();
        Map<Long, Lot> lots = new HashMap<>();
        List<Expiring> found = new ArrayList<>();
        for (Held x : held) {
            Holder h = holders.find("POINT".equals(x.level()) ? Holder.POINT_PREFIX + x.code() : x.code()).orElse(null);
            if (h == null || !holders.covers(user.scope(), h)) continue;
            Lot lot = lots.computeIfAbsent(x.lotId(), id -> lot(id).orElseThrow());
            long spoken = 0;
            if (!lot.expiry().isBefore(on)) {
                for (BookedUse b : booked) spoken += b.doses(h, lot.id(), on, lot.expiry());
            }
            long atRisk = x.onHand() - spoken;
            if (atRisk <= 0) continue;
            String suggestion;
            List<Target> targets = List.of();
            if (lot.expiry().isBefore(on)) {
                suggestion = "DISCARD";
            } else {
                targets = targets(user.scope(), h, lot.product(), on);
                suggestion = targets.isEmpty() ? "OPEN_SESSIONS" : "MOVE";
            }
            String text = "MOVE".equals(suggestion)
                    ? messages.get("vaccination.stock.suggest.MOVE", String.join(", ", targets.stream().map(Target::name).toList()))
                    : messages.get("vaccination.stock.suggest." + suggestion);
            found.add(new Expiring(h.unit(), h.level().name(), h.name(), lot.id(), lot.product(), lot.productName(), lot.lotNumber(),
                    lot.expiry(), ChronoUnit.DAYS.between(on, lot.expiry()), x.onHand(), spoken, atRisk, suggestion, text, targets));
        }
        found.sort(java.util.Comparator.comparing(Expiring::expiry).thenComparing(Expiring::name).thenComparing(Expiring::lotNumber));
        return found;
    }

    /** Points of the area, other than the holder, that gave the product in the last four weeks: the most doses first. */
    private List<Target> targets(Scope scope, Holder h, String product, LocalDate on) {
        return jdbc.sql("""
                select p.id, p.name || ' — ' || c.name, count(*) from vaccine_dose d
                join vaccination_point p on p.id = d.point_id join commune_card c on c.code = p.commune_code
                where d.product_code = :product and d.given_on > :since and d.given_on <= :on
                  and (:everywhere or p.commune_code = any(:within)) and not (:isPoint and p.id = :pointId)
                group by p.id, p.name, c.name order by count(*) desc, p.name limit 3""")
                .param("product", product).param("since", on.minusDays(RECENT_USE_DAYS)).param("on", on)
                .param("everywhere", scope.everything()).param("within", scope.communes().toArray(String[]::new))
                .param("isPoint", h.level() == Holder.Level.POINT).param("pointId", pointId(h))
                .query((rs, i) -> new Target(Holder.POINT_PREFIX + rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
    }

    /** The lots known of a product (for a receipt: the expiry of a lot already delivered). */
    public Optional<Lot> lot(long id) {
        return jdbc.sql("""
                select l.*, p.name as product_name from vaccine_lot l join vaccine_product p on p.code = l.product_code where l.id = ?""")
                .param(id).query(LOT).optional();
    }

    private Optional<Lot> lot(String product, String lotNumber) {
        return jdbc.sql("""
                select l.*, p.name as product_name from vaccine_lot l join vaccine_product p on p.code = l.product_code
                where l.product_code = ? and l.lot_number = ?""").params(product, lotNumber).query(LOT).optional();
    }

    /** The products a receipt may name, by their names. */
    public List<Map<String, Object>> products() {
        return jdbc.sql("select code, name, doses_per_vial from vaccine_product order by name").query().listOfRows();
    }

    LocalDate today() {
        return clock.today();
    }

    // ---------------------------------------------------------------------------------------------------- input

    private LocalDate onDate(String text) {
        if (text == null || text.isBlank()) return clock.today();
        Errors errors = new Errors();
        LocalDate on = date(errors, "on", text, false);
        errors.raise();
        return on;
    }

    private Lot lot(Errors errors, String id) {
        if (id == null || !id.strip().matches("\\d{1,18}")) {
            errors.add("lotId", messages.get("vaccination.stock.lot.choose"));
            return null;
        }
        Optional<Lot> lot = lot(Long.parseLong(id.strip()));
        if (lot.isEmpty()) errors.add("lotId", messages.get("vaccination.stock.lot.unknown", id.strip()));
        return lot.orElse(null);
    }

    /** A holder of the area; a missing or outside one is a 404 like any record outside the area, a blank one a field error. */
    private Holder holder(Errors errors, String field, String unit, Scope scope) {
        if (unit == null || unit.isBlank()) {
            errors.add(field, messages.get("vaccination.stock.unit.required"));
            return null;
        }
        return holders.visible(unit, scope);
    }

    private int whole(Errors errors, String field, String text, int max) {
        return whole(errors, field, text, max, false);
    }

    /** A whole number from 1 (0 when allowed) to max: digits, or thousands grouped by dots ("1.000"). */
    private int whole(Errors errors, String field, String text, int max, boolean zero) {
        String t = text == null ? "" : text.strip().replace(" ", "");
        if (t.matches("\\d{1,3}(\\.\\d{3})+")) t = t.replace(".", "");
        if (t.isEmpty()) {
            errors.add(field, messages.get("vaccination.stock.number.required"));
            return 0;
        }
        if (!t.matches("\\d{1,9}") || Integer.parseInt(t) > max || (!zero && Integer.parseInt(t) == 0)) {
            errors.add(field, messages.get("vaccination.stock.number.range", zero ? 0 : 1, max));
            return 0;
        }
        return Integer.parseInt(t);
    }

    /** A date, ISO or dd/MM/yyyy; a movement's date may not lie ahead of today. */
    private LocalDate date(Errors errors, String field, String text, boolean notAfterToday) {
        if (text == null || text.isBlank()) {
            errors.add(field, messages.get("vaccination.stock.date.required"));
            return null;
        }
        LocalDate d = null;
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("d/M/uuuu"))) {
            try {
                d = LocalDate.parse(text.strip(), f);
                break;
            } catch (DateTimeParseException ignored) {
                // try the next way of writing it
            }
        }
        if (d == null || d.getYear() < 2000 || d.getYear() > 2100) {
            errors.add(field, messages.get("vaccination.stock.date.invalid"));
            return null;
        }
        if (notAfterToday && d.isAfter(clock.today())) {
            errors.add(field, messages.get("vaccination.stock.date.future"));
            return null;
        }
        return d;
    }

    private String text(Errors errors, String field, String text, boolean required) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            if (required) errors.add(field, messages.get("vaccination.stock.text.required"));
            return null;
        }
        if (t.length() > MAX_TEXT) errors.add(field, messages.get("vaccination.stock.text.tooLong", MAX_TEXT));
        return t;
    }

    private static Map<String, Object> holderParams(Holder h) {
        Map<String, Object> p = new HashMap<>();
        p.put("level", h.level().name());
        p.put("code", h.code());
        p.put("isPoint", h.level() == Holder.Level.POINT);
        p.put("pointId", pointId(h));
        return p;
    }

    private static long pointId(Holder h) {
        return h.level() == Holder.Level.POINT ? Long.parseLong(h.code()) : -1;
    }

    /** The field errors of one form, raised together. */
    private static final class Errors {
        private final List<FieldError> list = new ArrayList<>();

        void add(String field, String message) {
            list.add(new FieldError(field, message));
        }

        void raise() {
            if (!list.isEmpty()) throw new InvalidInputException(list);
        }
    }
}
