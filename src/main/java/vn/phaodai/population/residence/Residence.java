package vn.phaodai.population.residence;

import vn.phaodai.population.registry.PersonRules;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.geography.Geography;
import vn.phaodai.geography.Village;
import vn.phaodai.security.AuditLog;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;
import vn.phaodai.shared.PageResult;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Residence over time (di biến động dân cư): moves away, arrivals, changes between permanent and temporary
 * residence, deaths; the history of a person and the arrivals and departures of a commune (docs/decisions/0010).
 */
@Service
public class Residence {

    public static final Set<String> KINDS = Set.of("PERMANENT", "TEMPORARY");

    /** The body of POST /persons/{id}/moves; dates ISO or dd/MM/yyyy. */
    public record MoveForm(String kind, String date, String toCommune, Long toVillage, String toPlace,
                           String fromPlace, Integer fromLevel, String communeCode, Long villageId, String residenceKind) {
    }

    public record DeathForm(String date) {
    }

    /** One recorded change; {@code created} false when it had been recorded before (a retry). */
    public record Change(long id, long personId, String kind, LocalDate date, String fromCommune, Long fromVillage,
                         String toCommune, Long toVillage, String placeCode, Integer placeLevel, String residenceKind,
                         String recordedBy) {
    }

    public record Recorded(Change change, boolean created) {
    }

    /** A period at one place; {@code until} null while it lasts; {@code endedBy} the kind of change that ended it. */
    public record Period(String communeCode, String communeName, Long villageId, String villageName, String kind,
                         LocalDate since, LocalDate until, String endedBy, String endedTo) {
    }

    public record History(long personId, List<Period> periods, LocalDate diedOn, List<Change> changes) {
    }

    /** A line of a commune's arrivals or departures: who, which village of the commune, when, from or to where. */
    public record Movement(long personId, String fullName, int birthYear, Long villageId, String villageName, LocalDate date,
                           String placeCode, String placeName, Integer level, String residenceKind) {
    }

    private static final RowMapper<Change> CHANGE = (rs, i) -> new Change(rs.getLong("id"), rs.getLong("person_id"),
            rs.getString("kind"), rs.getObject("on_date", LocalDate.class), rs.getString("from_commune"),
            (Long) rs.getObject("from_village"), rs.getString("to_commune"), (Long) rs.getObject("to_village"),
            rs.getString("place_code"), (Integer) rs.getObject("place_level", Integer.class), rs.getString("residence_kind"),
            rs.getString("recorded_by"));

    /** The person row's residence, locked. */
    private record Current(long id, String commune, Long village, String kind, LocalDate since, LocalDate until,
                           LocalDate diedOn, boolean merged) {
    }

    private final JdbcClient jdbc;
    private final Geography geography;
    private final AuditLog audit;
    private final ApplicationClock clock;
    private final Messages messages;

    Residence(JdbcClient jdbc, Geography geography, AuditLog audit, ApplicationClock clock, Messages messages) {
        this.clock = clock;
        this.messages = messages;
        this.jdbc = jdbc;
        this.geography = geography;
        this.audit = audit;
    }

    private LocalDate today() {
        return clock.today();
    }

    /** A valid move, before anything is read or written. */
    private record Move(String kind, LocalDate date, String toCommune, Long toVillage, String place, Integer level,
                        String commune, Long village, String residenceKind) {
    }

    private Move validate(MoveForm f) {
        List<FieldError> errors = new ArrayList<>();
        String kind = f.kind() == null ? null : f.kind().strip().toUpperCase();
        if (kind == null || !Set.of("MOVE_AWAY", "ARRIVE", "CHANGE_KIND").contains(kind)) { // Set.of refuses null
            throw new InvalidInputException("kind", messages.get("population.residence.kindInvalid"));
        }
        LocalDate date = date(f.date(), errors);
        String residenceKind = blank(f.residenceKind()) ? null : f.residenceKind().strip().toUpperCase();
        if (residenceKind != null && !KINDS.contains(residenceKind)) {
            errors.add(new FieldError("residenceKind", messages.get("population.residence.residenceKindInvalid")));
        }
        String toCommune = null, place = null, commune = null;
        Long toVillage = null, village = null;
        Integer level = null;
        switch (kind) {
            case "MOVE_AWAY" -> {
                toCommune = blank(f.toCommune()) ? null : f.toCommune().strip();
                place = blank(f.toPlace()) ? null : f.toPlace().strip();
                if ((toCommune == null) == (place == null)) {
                    errors.add(new FieldError("toCommune", messages.get("population.residence.destinationRequired")));
                } else if (toCommune != null) {
                    if (geography.findCommune(toCommune).filter(c -> c.active()).isEmpty()) {
                        errors.add(new FieldError("toCommune", messages.get("population.commune.notFound", toCommune)));
                    } else if (f.toVillage() != null && !villageOf(f.toVillage(), toCommune)) {
                        errors.add(new FieldError("toVillage", messages.get("population.residence.villageNotInCommune",
                                String.valueOf(f.toVillage()), toCommune)));
                    }
                    toVillage = f.toVillage();
                } else {
                    placeCheck(place, "toPlace", errors);
                }
            }
            case "ARRIVE" -> {
                place = blank(f.fromPlace()) ? null : f.fromPlace().strip();
                if (place == null) errors.add(new FieldError("fromPlace", messages.get("population.residence.originRequired")));
                else placeCheck(place, "fromPlace", errors);
                level = f.fromLevel();
                if (level != null && (level < 1 || level > 4)) {
                    errors.add(new FieldError("fromLevel", messages.get("population.residence.originLevel")));
                }
                commune = blank(f.communeCode()) ? null : f.communeCode().strip();
                if (commune != null && geography.findCommune(commune).filter(c -> c.active()).isEmpty()) {
                    errors.add(new FieldError("communeCode", messages.get("population.commune.notFound", commune)));
                }
                village = f.villageId();
            }
            default -> {
                if (residenceKind == null && f.residenceKind() == null) {
                    errors.add(new FieldError("residenceKind", messages.get("population.residence.newKindRequired")));
                }
            }
        }
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        return new Move(kind, date, toCommune, toVillage, place, level, commune, village, residenceKind);
    }

    private LocalDate date(String raw, List<FieldError> errors) {
        if (blank(raw)) {
            errors.add(new FieldError("date", messages.get("population.residence.dateRequired")));
            return null;
        }
        LocalDate d = PersonRules.date(raw);
        if (d == null) errors.add(new FieldError("date", messages.get("population.residence.dateInvalid", raw)));
        else if (d.isAfter(today())) errors.add(new FieldError("date", messages.get("population.residence.dateFuture")));
        return d;
    }

    /** A province (2 digits) or district (3 digits) code of the national list. */
    private void placeCheck(String code, String field, List<FieldError> errors) {
        boolean known = code.matches("\\d{2}") ? geography.unitsExist("PROVINCE", List.of(code))
                : code.matches("\\d{3}") && geography.unitsExist("DISTRICT", List.of(code));
        if (!known) errors.add(new FieldError(field, messages.get("population.residence.placeUnknown", code)));
    }

    private boolean villageOf(long villageId, String commune) {
        return geography.village(villageId).filter(v -> v.communeCode().equals(commune)).isPresent();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Transactional
    public Recorded move(long personId, MoveForm form) {
        PhaodaiUser user = CurrentUser.require(Right.PERSON_WRITE);
        return record(user, personId, validate(form));
    }

    @Transactional
    public Recorded death(long personId, DeathForm form) {
        PhaodaiUser user = CurrentUser.require(Right.PERSON_WRITE);
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = date(form == null ? null : form.date(), errors);
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        return record(user, personId, new Move("DEATH", date, null, null, null, null, null, null, null));
    }

    private Recorded record(PhaodaiUser user, long personId, Move m) {
        audit.holdLane(); // the lane before the person's row, as every writer does
        // Locked whatever the scope: a retry of a move to another commune must find its first recording.
        Current p = jdbc.sql("""
                select id, commune_code, village_id, residence_kind, resident_since, resident_until, died_on,
                       merged_into is not null as merged
                from person where id = ? for no key update""").param(personId)
                .query((rs, i) -> new Current(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                        rs.getBoolean(8))).optional().orElseThrow(() -> notFound(personId));
        Scope scope = user.scope();
        var earlier = jdbc.sql("select * from residence_change where person_id = ? and kind = ? and on_date = ?")
                .params(personId, m.kind(), m.date()).query(CHANGE).optional();
        if (earlier.isPresent()) return retry(scope, earlier.get(), m);
        if (p.merged() || !scope.covers(p.commune(), p.village())) throw notFound(personId);
        if (p.diedOn() != null) {
            throw new ConflictException(messages.get("population.residence.died", PersonRules.VN_DATE.format(p.diedOn())), "date", Map.of());
        }
        LocalDate from = p.until() != null ? p.until() : p.since();
        if (from != null && m.date().isBefore(from)) {
            throw new InvalidInputException("date", messages.get("population.residence.dateBeforePrevious", PersonRules.VN_DATE.format(from)));
        }
        Change c = switch (m.kind()) {
            case "MOVE_AWAY" -> moveAway(user, p, m);
            case "ARRIVE" -> arrive(user, p, m);
            case "CHANGE_KIND" -> changeKind(user, p, m);
            default -> die(user, p, m);
        };
        jdbc.sql("update person set version = version + 1, updated_at = now() where id = ?").param(personId).update();
        audit.record("RESIDENCE_" + m.kind(), "person", personId, personId, Map.of("change", c));
        return new Recorded(c, true);
    }

    /** The same change posted again is the first one; a different one on the same day is a conflict. */
    private Recorded retry(Scope scope, Change c, Move m) {
        boolean visible = (c.fromCommune() != null && scope.covers(c.fromCommune(), c.fromVillage()))
                || (c.toCommune() != null && scope.covers(c.toCommune(), c.toVillage()));
        if (!visible) throw notFound(c.personId());
        boolean same = switch (m.kind()) {
            case "MOVE_AWAY" -> Objects.equals(c.toCommune(), m.toCommune()) && Objects.equals(c.placeCode(), m.place())
                    && (m.toVillage() == null || m.toVillage().equals(c.toVillage()));
            case "ARRIVE" -> Objects.equals(c.placeCode(), m.place())
                    && (m.commune() == null || m.commune().equals(c.toCommune()));
            case "CHANGE_KIND" -> Objects.equals(c.residenceKind(), m.residenceKind());
            default -> true;
        };
        if (!same) {
            throw new ConflictException(messages.get("population.residence.otherChangeSameDay", PersonRules.VN_DATE.format(c.date())), "date", Map.of("changeId", c.id()));
        }
        return new Recorded(c, false);
    }

    private void requireOpen(Current p) {
        if (p.until() != null) {
            throw new ConflictException(messages.get("population.residence.leftProvince", PersonRules.VN_DATE.format(p.until())), "date", Map.of());
        }
    }

    private long insertChange(PhaodaiUser user, Current p, Move m, String fromCommune, Long fromVillage, String toCommune,
                              Long toVillage, String residenceKind) {
        Map<String, Object> v = new HashMap<>();
        v.put("person", p.id());
        v.put("kind", m.kind());
        v.put("date", m.date());
        v.put("fromCommune", fromCommune);
        v.put("fromVillage", fromVillage);
        v.put("toCommune", toCommune);
        v.put("toVillage", toVillage);
        v.put("place", m.place());
        v.put("level", m.level());
        v.put("residenceKind", residenceKind);
        v.put("by", user.username());
        return jdbc.sql("""
                insert into residence_change (person_id, kind, on_date, from_commune, from_village, to_commune, to_village,
                                              place_code, place_level, residence_kind, recorded_by)
                values (:person, :kind, :date, :fromCommune, :fromVillage, :toCommune, :toVillage, :place, :level,
                        :residenceKind, :by)
                returning id""").params(v).query(Long.class).single();
    }

    /** The person row's period, closed on the change's day. */
    private void closeCurrent(Current p, LocalDate until, long changeId) {
        jdbc.sql("""
                insert into residence_period (person_id, commune_code, village_id, kind, since, until, ended_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), p.commune(), p.village(), p.kind(), p.since(), until, changeId).update();
    }

    private Change change(long id) {
        return jdbc.sql("select * from residence_change where id = ?").param(id).query(CHANGE).single();
    }

    private Change moveAway(PhaodaiUser user, Current p, Move m) {
        requireOpen(p);
        if (m.toCommune() != null && m.toCommune().equals(p.commune()) && Objects.equals(m.toVillage(), p.village())) {
            throw new InvalidInputException("toCommune", messages.get("population.residence.sameAsCurrent"));
        }
        String kind = m.residenceKind() != null ? m.residenceKind() : p.kind();
        long id = insertChange(user, p, m, p.commune(), p.village(), m.toCommune(), m.toVillage(),
                m.toCommune() == null ? null : kind);
        closeCurrent(p, m.date(), id);
        if (m.toCommune() != null) {
            // Within the province: the destination now owns the record; it needs no right of the one who moved it.
            jdbc.sql("""
                    update person set commune_code = ?, village_id = ?, household_id = null, relation_to_head = null,
                        residence_kind = ?, resident_since = ? where id = ?""")
                    .params(m.toCommune(), m.toVillage(), kind, m.date(), p.id()).update();
            // The household stays where it is, without this person at its head.
            jdbc.sql("update household set head_person_id = null where head_person_id = ?").param(p.id()).update();
        } else {
            jdbc.sql("update person set resident_until = ? where id = ?").params(m.date(), p.id()).update();
        }
        return change(id);
    }

    private Change arrive(PhaodaiUser user, Current p, Move m) {
        String commune = m.commune() != null ? m.commune() : p.commune();
        // An arrival is recorded by the commune the person arrives in.
        if (!user.scope().covers(commune, m.village())) {
            throw new AccessDeniedException(messages.get("population.commune.outsideJurisdiction", commune));
        }
        Long village = m.village() != null ? m.village() : commune.equals(p.commune()) ? p.village() : null;
        if (village != null && !villageOf(village, commune)) {
            throw new InvalidInputException("villageId", messages.get("population.residence.villageNotInCommune", String.valueOf(village), commune));
        }
        if (p.until() == null) {
            if (p.since() != null) {
                throw new ConflictException(messages.get("population.residence.residingSince", geography.placeName(p.commune()),
                        PersonRules.VN_DATE.format(p.since())), "date", Map.of());
            }
            if (!commune.equals(p.commune())) {
                throw new ConflictException(messages.get("population.residence.residingElsewhere", geography.placeName(p.commune())),
                        "communeCode", Map.of());
            }
        }
        String kind = m.residenceKind() != null ? m.residenceKind() : p.kind();
        long id = insertChange(user, p, m, null, null, commune, village, kind);
        // A record without a since-date was entered for this arrival: it starts now. One that had left starts again.
        jdbc.sql("""
                update person set commune_code = ?, village_id = ?, residence_kind = ?, resident_since = ?, resident_until = null
                where id = ?""").params(commune, village, kind, m.date(), p.id()).update();
        return change(id);
    }

    private Change changeKind(PhaodaiUser user, Current p, Move m) {
        requireOpen(p);
        if (m.residenceKind().equals(p.kind())) {
            throw new InvalidInputException("residenceKind",
                    messages.get("population.residence.alreadyKind." + ("TEMPORARY".equals(p.kind()) ? "TEMPORARY" : "PERMANENT")));
        }
        long id = insertChange(user, p, m, p.commune(), p.village(), p.commune(), p.village(), m.residenceKind());
        closeCurrent(p, m.date(), id);
        jdbc.sql("update person set residence_kind = ?, resident_since = ? where id = ?")
                .params(m.residenceKind(), m.date(), p.id()).update();
        return change(id);
    }

    private Change die(PhaodaiUser user, Current p, Move m) {
        boolean residing = p.until() == null;
        long id = insertChange(user, p, m, residing ? p.commune() : null, residing ? p.village() : null, null, null, null);
        if (residing) closeCurrent(p, m.date(), id);
        jdbc.sql("update person set died_on = ?, resident_until = coalesce(resident_until, ?) where id = ?")
                .params(m.date(), m.date(), p.id()).update();
        return change(id);
    }

    private NotFoundException notFound(long id) {
        return new NotFoundException(messages.get("population.person.notFound", String.valueOf(id)));
    }

    private PhaodaiUser reader() {
        PhaodaiUser user = CurrentUser.get();
        if (!user.can(Right.PERSON_READ) && !user.can(Right.PERSON_READ_BASIC)) {
            throw new AccessDeniedException(messages.get("population.person.noReadRight"));
        }
        return user;
    }

    /** Where the person lived, oldest first, the current place last; within the jurisdiction (else 404), audited. */
    @Transactional // not read-only: the audit entry
    public History history(long personId) {
        PhaodaiUser user = reader();
        Scope scope = user.scope();
        Current p = jdbc.sql("""
                select id, commune_code, village_id, residence_kind, resident_since, resident_until, died_on, false
                from person p where p.id = :id and p.merged_into is null and %s"""
                        .formatted(scope.condition("p.commune_code", "p.village_id")))
                .params(scope.params()).param("id", personId)
                .query((rs, i) -> new Current(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), false))
                .optional().orElseThrow(() -> notFound(personId));
        Names names = new Names();
        List<Period> periods = new ArrayList<>(jdbc.sql("""
                select r.commune_code, r.village_id, r.kind, r.since, r.until, c.kind as ended_by,
                       coalesce(c.to_commune, c.place_code) as ended_to
                from residence_period r join residence_change c on c.id = r.ended_by
                where r.person_id = ? order by r.until, r.id""").param(personId)
                .query((rs, i) -> {
                    String commune = rs.getString("commune_code");
                    Long village = (Long) rs.getObject("village_id");
                    String to = rs.getString("ended_to");
                    return new Period(commune, names.place(commune), village, names.village(village), rs.getString("kind"),
                            rs.getObject("since", LocalDate.class), rs.getObject("until", LocalDate.class),
                            rs.getString("ended_by"), to);
                }).list());
        if (p.until() == null) {
            periods.add(new Period(p.commune(), names.place(p.commune()), p.village(), names.village(p.village()), p.kind(),
                    p.since(), null, null, null));
        }
        List<Change> changes = jdbc.sql("select * from residence_change where person_id = ? order by on_date, id")
                .param(personId).query(CHANGE).list();
        audit.recordShown("person", Map.of("residenceOf", personId), List.of(personId));
        return new History(personId, periods, p.diedOn(), changes);
    }

    /** Names of communes, villages and outside places, each read once per answer. */
    private final class Names {
        private final Map<String, String> places = new HashMap<>();
        private final Map<Long, String> villages = new HashMap<>();

        String place(String code) {
            if (code == null) return null;
            return places.computeIfAbsent(code, c -> switch (c.length()) {
                case 2 -> geography.province(c).name();
                case 3 -> geography.district(c).name();
                default -> geography.communeNames(List.of(c)).getOrDefault(c, c);
            });
        }

        String village(Long id) {
            if (id == null) return null;
            return villages.computeIfAbsent(id, v -> geography.village(v).map(Village::name).orElse(null));
        }
    }

    /** Arrivals in the commune (from another province or district, or moved here within the province), by village. */
    @Transactional
    public PageResult<Movement> arrivals(String commune, LocalDate from, LocalDate to, Integer minLevel, int page, int size) {
        if (minLevel != null && (minLevel < 1 || minLevel > 4)) {
            throw new InvalidInputException("minLevel", messages.get("population.residence.levelRange"));
        }
        String filter = "c.kind in ('ARRIVE', 'MOVE_AWAY') and c.to_commune = :commune"
                + (minLevel == null ? "" : " and c.place_level >= :minLevel");
        PageResult<Movement> found = movements("c.to_commune", "c.to_village", filter,
                "coalesce(c.place_code, c.from_commune)", commune, from, to, minLevel, page, size);
        audit.recordShown("person", AuditLog.criteria("arrivalsOf", commune, "from", from, "to", to, "minLevel", minLevel),
                found.items(), Movement::personId);
        return found;
    }

    /** Those who moved away from the commune, by village. */
    @Transactional
    public PageResult<Movement> departures(String commune, LocalDate from, LocalDate to, int page, int size) {
        PageResult<Movement> found = movements("c.from_commune", "c.from_village",
                "c.kind = 'MOVE_AWAY' and c.from_commune = :commune", "coalesce(c.to_commune, c.place_code)",
                commune, from, to, null, page, size);
        audit.recordShown("person", AuditLog.criteria("departuresOf", commune, "from", from, "to", to),
                found.items(), Movement::personId);
        return found;
    }

    private PageResult<Movement> movements(String communeColumn, String villageColumn, String filter, String otherPlace,
                                           String commune, LocalDate from, LocalDate to, Integer minLevel, int page, int size) {
        Scope scope = reader().scope();
        if (from != null && to != null && to.isBefore(from)) throw new InvalidInputException("to", messages.get("population.residence.toBeforeFrom"));
        boolean touches = scope.everything() || scope.communes().contains(commune) || scope.villageCommunes().contains(commune);
        if (!touches || geography.findCommune(commune).isEmpty()) throw new NotFoundException(messages.get("population.commune.notFound", commune));
        List<Village> villages = geography.villages(commune); // in name order: the lists' order
        String where = filter + " and p.merged_into is null and " + scope.condition(communeColumn, villageColumn)
                + (from == null ? "" : " and c.on_date >= :from") + (to == null ? "" : " and c.on_date <= :to");
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("commune", commune);
        params.put("minLevel", minLevel);
        params.put("from", from);
        params.put("to", to);
        params.put("order", villages.stream().map(Village::id).toArray(Long[]::new));
        params.put("limit", size);
        params.put("offset", (long) page * size);
        String base = " from residence_change c join person p on p.id = c.person_id where " + where;
        long total = jdbc.sql("select count(*)" + base).params(params).query(Long.class).single();
        Map<Long, String> villageNames = new HashMap<>();
        villages.forEach(v -> villageNames.put(v.id(), v.name()));
        Names names = new Names();
        List<Movement> items = jdbc.sql("select c.*, p.full_name, p.birth_year, %s as village, %s as other_place".formatted(villageColumn, otherPlace)
                        + base + " order by array_position(cast(:order as bigint[]), " + villageColumn + ") nulls last, c.on_date, c.id"
                        + " limit :limit offset :offset").params(params)
                .query((rs, i) -> {
                    Long village = (Long) rs.getObject("village");
                    String place = rs.getString("other_place");
                    return new Movement(rs.getLong("person_id"), rs.getString("full_name"), rs.getInt("birth_year"), village,
                            village == null ? null : villageNames.get(village), rs.getObject("on_date", LocalDate.class),
                            place, names.place(place), (Integer) rs.getObject("place_level", Integer.class),
                            rs.getString("residence_kind"));
                }).list();
        return new PageResult<>(items, total, page, size);
    }
}
