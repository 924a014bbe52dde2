package vn.phaodai.vaccination.sessions;

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
import vn.phaodai.shared.NotFoundException;
import vn.phaodai.vaccination.certificates.Certificates;
import vn.phaodai.vaccination.doses.Doses;
import vn.phaodai.vaccination.due.DueList;
import vn.phaodai.vaccination.rules.DoseJudge;
import vn.phaodai.vaccination.rules.VaccinationRules;
import vn.phaodai.vaccination.stock.StockLedger;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A session: a point of the user's area on a day, its capacity and the lots on hand at the point it uses. Invitations
 * are drawn from the due list up to the capacity; each carries a random token (its QR code), never the person's id.
 * A check-in records the dose through {@link Doses} (so the rules and their override reasons apply) from the
 * session's lot; closing counts the opened vials (wastage into the stock ledger) and marks the absent as no-shows,
 * who, having no dose, stay on the due list.
 */
@Service
public class Sessions {

    public static final List<String> STATUSES = List.of("PLANNED", "OPEN", "CLOSED");
    public static final List<String> INVITATION_STATUSES = List.of("INVITED", "VACCINATED", "NO_SHOW");
    static final int MAX_CAPACITY = 5000;
    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("d/M/uuuu");
    private static final SecureRandom RANDOM = new SecureRandom();

    public record SessionInput(String pointId, String day, String capacity, List<String> lotIds) {
    }

    public record SessionLot(long lotId, String product, String productName, String lotNumber, LocalDate expiry, int dosesPerVial) {
    }

    public record Session(long id, long pointId, String pointName, String communeCode, String communeName, LocalDate day, int capacity,
                          String status, List<SessionLot> lots, int invited, int vaccinated, int noShows) {
        public int free() {
            return Math.max(0, capacity - invited);
        }
    }

    public record Invitation(long id, long sessionId, long personId, String fullName, Integer birthYear, String token, boolean walkIn,
                             String status, Long doseId) {
    }

    /** The session stored, and whether it was there already (the same creation sent again). */
    public record Created(Session session, boolean repeated) {
    }

    /** A check-in: the invitation's code, or a person (a walk-in, found by name); the rest may be left out. */
    public record CheckIn(String token, Long personId, Long lotId, String reaction, String reactionNote, String overrideReason) {
    }

    public record Checked(Invitation invitation, Doses.Dose dose, boolean repeated) {
    }

    /** What the vaccinator confirms before the dose: the person, the dose kind the rules propose, the lot. */
    public record Proposal(Invitation invitation, String doseKind, SessionLot lot) {
    }

    private static final RowMapper<Invitation> INVITATION = (rs, i) -> new Invitation(rs.getLong("id"), rs.getLong("session_id"),
            rs.getLong("person_id"), rs.getString("full_name"), (Integer) rs.getObject("birth_year"), rs.getString("token"),
            rs.getBoolean("walk_in"), rs.getString("status"), (Long) rs.getObject("dose_id"));

    private final JdbcClient jdbc;
    private final Doses doses;
    private final DueList due;
    private final StockLedger stock;
    private final VaccinationRules rules;
    private final DoseJudge judge;
    private final AuditLog audit;
    private final Messages messages;
    private final ApplicationClock clock;
    private final Certificates certificates;

    Sessions(JdbcClient jdbc, Doses doses, DueList due, StockLedger stock, VaccinationRules rules, DoseJudge judge, AuditLog audit,
             Messages messages, ApplicationClock clock, Certificates certificates) {
        this.certificates = certificates;
        this.jdbc = jdbc;
        this.doses = doses;
        this.due = due;
        this.stock = stock;
        this.rules = rules;
        this.judge = judge;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ sessions

    @Transactional
    public Created create(SessionInput in) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_WRITE);
        SessionFields c = check(in, user.scope());
        Optional<Long> id = jdbc.sql("""
                insert into vaccination_session (point_id, on_day, capacity, created_by) values (?, ?, ?, ?)
                on conflict (point_id, on_day) do nothing returning id""").params(c.point, c.day, c.capacity, user.username())
                .query(Long.class).optional();
        if (id.isEmpty()) {
            long existing = jdbc.sql("select id from vaccination_session where point_id = ? and on_day = ?").params(c.point, c.day)
                    .query(Long.class).single();
            Session s = load(existing).orElseThrow();
            if (s.capacity() == c.capacity && s.lots().stream().map(SessionLot::lotId).toList().equals(c.lots)) return new Created(s, true);
            throw new ConflictException(messages.get("vaccination.session.sameDay", s.pointName(), s.day().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))),
                    "day", Map.of("existingSessionId", existing));
        }
        saveLots(id.get(), c.lots);
        audit.record("SESSION_CREATE", "vaccination_session", id.get(), null, Map.of("point", c.point, "day", c.day.toString(), "capacity", c.capacity));
        return new Created(load(id.get()).orElseThrow(), false);
    }

    @Transactional
    public Session update(long id, SessionInput in) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_WRITE);
        Session s = visible(id, user.scope());
        if ("CLOSED".equals(s.status())) throw new ConflictException(messages.get("vaccination.session.closed"), "status", Map.of());
        SessionFields c = check(in, user.scope());
        if (c.capacity < s.invited()) {
            throw new InvalidInputException("capacity", messages.get("vaccination.session.capacity.belowInvited", s.invited()));
        }
        try {
            jdbc.sql("update vaccination_session set point_id = ?, on_day = ?, capacity = ? where id = ?").params(c.point, c.day, c.capacity, id).update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new ConflictException(messages.get("vaccination.session.sameDay", s.pointName(), c.day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))), "day", Map.of());
        }
        jdbc.sql("delete from vaccination_session_lot where session_id = ?").param(id).update();
        saveLots(id, c.lots);
        audit.record("SESSION_UPDATE", "vaccination_session", id, null, Map.of("capacity", c.capacity, "day", c.day.toString()));
        return load(id).orElseThrow();
    }

    private void saveLots(long id, List<Long> lots) {
        for (Long lot : lots) jdbc.sql("insert into vaccination_session_lot (session_id, lot_id) values (?, ?)").params(id, lot).update();
    }

    private record SessionFields(long point, LocalDate day, int capacity, List<Long> lots) {
    }

    /** Every field checked together: a point of the area, a day, a capacity, lots on hand at the point. */
    private SessionFields check(SessionInput in, Scope scope) {
        if (in == null) throw new InvalidInputException("pointId", messages.get("vaccination.session.point.required"));
        List<FieldError> errors = new ArrayList<>();
        Long point = null;
        if (in.pointId() == null || in.pointId().isBlank()) errors.add(new FieldError("pointId", messages.get("vaccination.session.point.required")));
        else if (!in.pointId().strip().matches("\\d{1,18}") || !pointVisible(Long.parseLong(in.pointId().strip()), scope)) {
            errors.add(new FieldError("pointId", messages.get("vaccination.session.point.unknown")));
        } else point = Long.parseLong(in.pointId().strip());
        LocalDate day = date(in.day(), "day", errors);
        Integer capacity = null;
        String cap = in.capacity() == null ? "" : in.capacity().strip().replace(".", "");
        if (!cap.matches("\\d{1,5}") || Integer.parseInt(cap) < 1 || Integer.parseInt(cap) > MAX_CAPACITY) {
            errors.add(new FieldError("capacity", messages.get("vaccination.session.capacity.range", MAX_CAPACITY)));
        } else capacity = Integer.parseInt(cap);
        Set<Long> lots = new LinkedHashSet<>();
        if (in.lotIds() != null) for (String l : in.lotIds()) {
            if (l == null || l.isBlank()) continue;
            if (!l.strip().matches("\\d{1,18}")) errors.add(new FieldError("lotIds", messages.get("vaccination.session.lot.unknown")));
            else lots.add(Long.parseLong(l.strip()));
        }
        if (lots.isEmpty()) errors.add(new FieldError("lotIds", messages.get("vaccination.session.lot.required")));
        else if (point != null && day != null) {
            // On hand at the point the day before the session at the latest: what was allocated to it for the session.
            Set<Long> held = new java.util.HashSet<>();
            LocalDate asOf = day.isAfter(clock.today()) ? clock.today() : day;
            stock.onHandAtPoint(point, asOf).forEach(l -> held.add(l.lotId()));
            if (!held.containsAll(lots)) errors.add(new FieldError("lotIds", messages.get("vaccination.session.lot.notHeld")));
        }
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        return new SessionFields(point, day, capacity, lots.stream().sorted().toList());
    }

    private LocalDate date(String text, String field, List<FieldError> errors) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            errors.add(new FieldError(field, messages.get("vaccination.session.day.required")));
            return null;
        }
        try {
            LocalDate d = t.contains("/") ? LocalDate.parse(t, VN) : LocalDate.parse(t);
            if (d.getYear() < 2021 || d.getYear() > 2100) throw new DateTimeParseException("range", t, 0);
            return d;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, messages.get("vaccination.session.day.invalid")));
            return null;
        }
    }

    private boolean pointVisible(long pointId, Scope scope) {
        return doses.points(scope).stream().anyMatch(p -> p.id() == pointId);
    }

    /** The sessions of a commune (all of the area when none) between two days, the latest first. */
    public List<Session> list(String commune, String from, String to) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_READ);
        List<FieldError> errors = new ArrayList<>();
        LocalDate f = from == null || from.isBlank() ? null : date(from, "from", errors);
        LocalDate t = to == null || to.isBlank() ? null : date(to, "to", errors);
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        Map<String, Object> p = new HashMap<>();
        p.put("all", user.scope().everything());
        p.put("codes", readableCommunes(user.scope()).toArray(String[]::new));
        p.put("commune", commune == null || commune.isBlank() ? null : commune.strip());
        p.put("from", f == null ? LocalDate.of(2000, 1, 1) : f);
        p.put("to", t == null ? LocalDate.of(2100, 1, 1) : t);
        List<Long> ids = jdbc.sql("""
                select s.id from vaccination_session s join vaccination_point p on p.id = s.point_id
                where (cast(:commune as text) is null or p.commune_code = :commune) and s.on_day between :from and :to
                    and (:all or p.commune_code = any(:codes))
                order by s.on_day desc, p.name limit 500""")
                .params(p).query(Long.class).list();
        return ids.stream().map(id -> load(id).orElseThrow()).toList();
    }

    /** A session of the user's area (a village team's: of its villages' commune); missing and outside alike: 404. */
    public Session find(long id) {
        return readable(id, CurrentUser.require(Right.VACCINATION_READ).scope());
    }

    private Session readable(long id, Scope scope) {
        Session s = load(id).orElseThrow(() -> notFound(id));
        if (!scope.everything() && !readableCommunes(scope).contains(s.communeCode())) throw notFound(id);
        return s;
    }

    /** The communes whose sessions a user sees: their communes, and those of their villages (persons still by village). */
    private static Set<String> readableCommunes(Scope scope) {
        Set<String> codes = new java.util.HashSet<>(scope.communes());
        codes.addAll(scope.villageCommunes());
        return codes;
    }

    private Session visible(long id, Scope scope) {
        Session s = load(id).orElseThrow(() -> notFound(id));
        if (!pointVisible(s.pointId(), scope)) throw notFound(id);
        return s;
    }

    private NotFoundException notFound(long id) {
        return new NotFoundException(messages.get("vaccination.session.notFound", String.valueOf(id)));
    }

    Optional<Session> load(long id) {
        List<SessionLot> lots = jdbc.sql("""
                select l.id, l.product_code, p.name, l.lot_number, l.expiry, l.doses_per_vial from vaccination_session_lot sl
                join vaccine_lot l on l.id = sl.lot_id join vaccine_product p on p.code = l.product_code
                where sl.session_id = ? order by l.expiry, l.id""").param(id)
                .query((rs, i) -> new SessionLot(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getInt(6))).list();
        return jdbc.sql("""
                select s.id, s.point_id, p.name, p.commune_code, c.name, s.on_day, s.capacity, s.status,
                    (select count(*) from vaccination_invitation i where i.session_id = s.id and not i.walk_in),
                    (select count(*) from vaccination_invitation i where i.session_id = s.id and i.status = 'VACCINATED'),
                    (select count(*) from vaccination_invitation i where i.session_id = s.id and i.status = 'NO_SHOW')
                from vaccination_session s join vaccination_point p on p.id = s.point_id join commune_card c on c.code = p.commune_code
                where s.id = ?""").param(id)
                .query((rs, i) -> new Session(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class), rs.getInt(7), rs.getString(8), lots, rs.getInt(9), rs.getInt(10), rs.getInt(11)))
                .optional();
    }

    // ------------------------------------------------------------------------------------------------ invitations

    /** Draws from the due list (priority groups first, first doses included) until the capacity is reached. */
    @Transactional
    public List<Invitation> invite(long id) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_WRITE);
        Session s = visible(id, user.scope());
        if ("CLOSED".equals(s.status())) throw new ConflictException(messages.get("vaccination.session.closed"), "status", Map.of());
        jdbc.sql("select id from vaccination_session where id = ? for update").param(id).query(Long.class).single(); // one draw at a time
        s = load(id).orElseThrow();
        int free = s.free();
        if (free > 0) {
            List<Long> already = jdbc.sql("""
                    select person_id from vaccination_invitation i join vaccination_session x on x.id = i.session_id
                    where i.session_id = ? or (i.status = 'INVITED' and x.status <> 'CLOSED')""").param(id).query(Long.class).list();
            List<Long> drawn = due.draw(s.communeCode(), s.day(), true, free, already);
            for (Long person : drawn) {
                jdbc.sql("insert into vaccination_invitation (session_id, person_id, token) values (?, ?, ?) on conflict do nothing")
                        .params(id, person, token()).update();
            }
            if (!drawn.isEmpty()) audit.record("SESSION_INVITE", "vaccination_session", id, null, Map.of("invited", drawn.size()));
        }
        return invitations(id);
    }

    /** The session's invitations of persons of the user's area, in the order drawn; shown, so audited. */
    public List<Invitation> invitations(long id) {
        Scope scope = CurrentUser.require(Right.VACCINATION_READ).scope();
        readable(id, scope);
        Map<String, Object> p = new HashMap<>(scope.params());
        p.put("session", id);
        List<Invitation> list = jdbc.sql("""
                select i.*, pc.full_name, pc.birth_year from vaccination_invitation i join person_card pc on pc.id = i.person_id
                where i.session_id = :session and %s order by i.id""".formatted(scope.condition("pc.commune_code", "pc.village_id")))
                .params(p).query(INVITATION).list();
        audit.recordShown("vaccination_invitation", AuditLog.criteria("session", id), list.stream().map(Invitation::personId).toList());
        return list;
    }

    private static String token() {
        byte[] b = new byte[9]; // 12 characters of 36 letters and digits (about 62 bits): not guessed, still typed by hand
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b).toUpperCase(java.util.Locale.ROOT).replace('-', 'X').replace('_', 'Y');
    }

    // ------------------------------------------------------------------------------------------------ check-in

    /** The invitation of a code or a person (a walk-in gets one), and what the rules propose: nothing recorded yet. */
    @Transactional
    public Proposal propose(long sessionId, CheckIn in) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_WRITE);
        Session s = visible(sessionId, user.scope());
        if ("CLOSED".equals(s.status())) throw new ConflictException(messages.get("vaccination.session.closed"), "status", Map.of());
        if (s.day().isAfter(clock.today())) {
            throw new ConflictException(messages.get("vaccination.session.notYet"), "day", Map.of());
        }
        Invitation inv = invitationOf(s, in, user.scope());
        Doses.Subject person = doses.subject(inv.personId(), user.scope());
        DoseJudge.NextDose next = judge.next(rules.now(), doses.facts(person, doses.ofPerson(person.id())), s.day()).orElse(null);
        SessionLot lot = lotFor(s, in.lotId(), next);
        return new Proposal(inv, next == null ? null : next.kind(), lot);
    }

    /** Checked in and vaccinated: the dose from the session's lot, its kind as the rules propose; retried, the same. */
    @Transactional
    public Checked checkIn(long sessionId, CheckIn in) {
        Proposal p = propose(sessionId, in);
        Session s = load(sessionId).orElseThrow();
        if (p.invitation().doseId() != null) {
            Doses.Dose d = doses.ofPerson(p.invitation().personId()).stream().filter(x -> x.id() == p.invitation().doseId()).findFirst().orElseThrow();
            return new Checked(p.invitation(), d, true);
        }
        if (p.doseKind() == null) {
            throw new ConflictException(messages.get("vaccination.session.nothingDue", p.invitation().fullName()), "personId", Map.of());
        }
        PhaodaiUser user = CurrentUser.get();
        Doses.Recorded r = doses.record(new Doses.DoseInput(p.invitation().personId(), s.day().toString(), p.lot().product(),
                p.lot().lotNumber(), p.lot().expiry().toString(), p.doseKind(), s.pointId(), null, user.username(), in.reaction(),
                in.reactionNote(), in.overrideReason()), "SESSION");
        jdbc.sql("update vaccination_invitation set status = 'VACCINATED', dose_id = ? where id = ?").params(r.dose().id(), p.invitation().id()).update();
        jdbc.sql("update vaccination_session set status = 'OPEN' where id = ? and status = 'PLANNED'").param(sessionId).update();
        return new Checked(invitation(p.invitation().id()), r.dose(), r.repeated());
    }

    private Invitation invitationOf(Session s, CheckIn in, Scope scope) {
        if (in == null || ((in.token() == null || in.token().isBlank()) && in.personId() == null)) {
            throw new InvalidInputException("token", messages.get("vaccination.session.checkIn.required"));
        }
        Long personId = in.personId();
        if (in.token() != null && !in.token().isBlank()) {
            String t = in.token().strip().toUpperCase(java.util.Locale.ROOT);
            Optional<Invitation> invited = jdbc.sql("""
                    select i.*, pc.full_name, pc.birth_year from vaccination_invitation i join person_card pc on pc.id = i.person_id
                    where i.session_id = ? and i.token = ?""").params(s.id(), t).query(INVITATION).optional();
            if (invited.isPresent()) return invited.get();
            // Not an invitation: the person's certificate, scanned from the card they carry.
            personId = certificates.personOfCard(in.token())
                    .orElseThrow(() -> new InvalidInputException("token", messages.get("vaccination.session.token.unknown")));
        }
        doses.subject(personId, scope); // 404 outside the area
        jdbc.sql("insert into vaccination_invitation (session_id, person_id, token, walk_in) values (?, ?, ?, true) on conflict do nothing")
                .params(s.id(), personId, token()).update();
        return jdbc.sql("""
                select i.*, pc.full_name, pc.birth_year from vaccination_invitation i join person_card pc on pc.id = i.person_id
                where i.session_id = ? and i.person_id = ?""").params(s.id(), personId).query(INVITATION).single();
    }

    private Invitation invitation(long id) {
        return jdbc.sql("""
                select i.*, pc.full_name, pc.birth_year from vaccination_invitation i join person_card pc on pc.id = i.person_id
                where i.id = ?""").param(id).query(INVITATION).single();
    }

    /** The lot asked for, else the session's first lot of a product the rules propose, else its first lot. */
    private SessionLot lotFor(Session s, Long lotId, DoseJudge.NextDose next) {
        if (lotId != null) {
            return s.lots().stream().filter(l -> l.lotId() == lotId).findFirst()
                    .orElseThrow(() -> new InvalidInputException("lotId", messages.get("vaccination.session.lot.notOfSession")));
        }
        if (next != null) {
            for (SessionLot l : s.lots()) if (next.products().contains(l.product())) return l;
        }
        return s.lots().get(0);
    }

    // ------------------------------------------------------------------------------------------------ closing

    /** The opened vials of each lot counted (wastage), the absent marked no-show, the session closed; closed again, the same. */
    @Transactional
    public Session close(long id, Map<Long, String> openedVials) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_WRITE);
        Session s = visible(id, user.scope());
        if ("CLOSED".equals(s.status())) return s;
        if (s.day().isAfter(clock.today())) throw new ConflictException(messages.get("vaccination.session.notYet"), "day", Map.of());
        Map<Long, String> counts = openedVials == null ? Map.of() : openedVials;
        for (Long lot : counts.keySet()) {
            if (s.lots().stream().noneMatch(l -> l.lotId() == lot)) {
                throw new InvalidInputException("openedVials", messages.get("vaccination.session.lot.notOfSession"));
            }
        }
        for (SessionLot l : s.lots()) {
            String n = counts.get(l.lotId());
            if (n == null || n.isBlank() || n.strip().equals("0")) continue;
            try {
                stock.countVialsOfSession(new StockLedger.VialCount(String.valueOf(l.lotId()), "point-" + s.pointId(), n, s.day().toString()));
            } catch (InvalidInputException e) { // named at the lot's own field
                throw new InvalidInputException("openedVials." + l.lotId(), e.errors().get(0).message());
            }
        }
        int noShows = jdbc.sql("update vaccination_invitation set status = 'NO_SHOW' where session_id = ? and status = 'INVITED'").param(id).update();
        jdbc.sql("update vaccination_session set status = 'CLOSED', closed_at = now() where id = ?").param(id).update();
        audit.record("SESSION_CLOSE", "vaccination_session", id, null, Map.of("noShows", noShows));
        return load(id).orElseThrow();
    }
}
