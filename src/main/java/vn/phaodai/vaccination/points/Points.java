package vn.phaodai.vaccination.points;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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
import vn.phaodai.shared.Suggestion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The vaccination points of a commune (health station, school, enterprise, mobile team, home team, hospital), kept by
 * the commune's or district's health staff: created, renamed, closed and opened again. A point exists for a user only
 * when its commune is in their area (missing and outside both answer 404). A point is named once in its commune: the
 * same commune and name again answers the point already there (a retried form), unless its kind differs, then 409.
 */
@Service
public class Points {

    /** The kinds the table allows; their words are vaccination.pointKind.&lt;kind&gt;. */
    public static final List<String> KINDS = List.of("HEALTH_STATION", "SCHOOL", "ENTERPRISE", "MOBILE", "HOME", "HOSPITAL");
    static final int NAME_MAX = 200;
    static final int ADDRESS_MAX = 300;
    static final int LIMIT = 12;

    public record Point(long id, String communeCode, String communeName, String districtName, String name, String kind,
                        String address, boolean active) {
    }

    /** A point as typed; active null keeps the point as it is (a new point is open). */
    public record Input(String communeCode, String name, String kind, String address, Boolean active) {
    }

    /** The point saved, and whether this call made it (false: the same point was already there). */
    public record Saved(Point point, boolean created) {
    }

    /** What a list asks: a commune (null: the whole area), part of the name or address, closed points too or not. */
    public record Criteria(String commune, String q, boolean withClosed) {
    }

    private static final String SELECT = """
            select p.id, p.commune_code, c.name as commune_name, c.district_name, p.name, p.kind, p.address, p.active
            from vaccination_point p join commune_card c on c.code = p.commune_code""";

    private final JdbcClient jdbc;
    private final Messages messages;

    Points(JdbcClient jdbc, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public PageResult<Point> list(Criteria criteria, int page, int size) {
        Scope scope = CurrentUser.require(Right.VACCINATION_READ).scope();
        String commune = visibleCommune(criteria.commune(), scope);
        Map<String, Object> p = params(criteria, commune, scope);
        long total = jdbc.sql("select count(*) from vaccination_point p join commune_card c on c.code = p.commune_code where "
                + WHERE).params(p).query(Long.class).single();
        List<Point> items = jdbc.sql(SELECT + " where " + WHERE + " order by c.name, p.commune_code, p.active desc, p.name limit :size offset :offset")
                .params(p).param("size", size).param("offset", (long) page * size).query(Points::point).list();
        return new PageResult<>(items, total, page, size);
    }

    /** Every point the criteria find, in the list's order (for the workbook). */
    @Transactional(readOnly = true)
    public void all(Criteria criteria, Consumer<Point> each) {
        Scope scope = CurrentUser.require(Right.VACCINATION_READ).scope();
        String commune = visibleCommune(criteria.commune(), scope);
        jdbc.sql(SELECT + " where " + WHERE + " order by c.name, p.commune_code, p.active desc, p.name")
                .params(params(criteria, commune, scope)).query((ResultSet rs) -> {
                    each.accept(point(rs, 0));
                });
    }

    private static final String WHERE = """
            (:everywhere or p.commune_code = any(:within))
            and (cast(:commune as text) is null or p.commune_code = :commune)
            and (:withClosed or p.active)
            and (:q = '' or strpos(fold_text(p.name), fold_text(:q)) > 0 or strpos(fold_text(coalesce(p.address, '')), fold_text(:q)) > 0)""";

    private static Map<String, Object> params(Criteria criteria, String commune, Scope scope) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("everywhere", scope.everything());
        p.put("within", readable(scope));
        p.put("commune", commune);
        p.put("withClosed", criteria.withClosed());
        p.put("q", criteria.q() == null ? "" : criteria.q().strip());
        return p;
    }

    @Transactional(readOnly = true)
    public Point get(long id) {
        Scope scope = CurrentUser.require(Right.VACCINATION_READ).scope();
        return find(id).filter(pt -> reads(scope, pt.communeCode())).orElseThrow(this::notFound);
    }

    @Transactional
    public Saved create(Input input) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_WRITE);
        Input in = checked(input, user.scope(), true);
        Long id = jdbc.sql("""
                insert into vaccination_point (commune_code, name, kind, address, active) values (?, ?, ?, ?, true)
                on conflict (commune_code, name) do nothing returning id""")
                .params(in.communeCode(), in.name(), in.kind(), in.address()).query(Long.class).optional().orElse(null);
        if (id != null) return new Saved(find(id).orElseThrow(), true);
        Point before = jdbc.sql(SELECT + " where p.commune_code = ? and p.name = ?").params(in.communeCode(), in.name())
                .query(Points::point).single();
        if (!before.kind().equals(in.kind())) throw taken(before);
        return new Saved(before, false);
    }

    @Transactional
    public Point update(long id, Input input) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_WRITE);
        Point before = find(id).filter(pt -> user.scope().covers(pt.communeCode(), null)).orElseThrow(this::notFound);
        Input typed = new Input(input.communeCode() == null || input.communeCode().isBlank() ? before.communeCode() : input.communeCode(),
                input.name(), input.kind(), input.address(), input.active());
        Input in = checked(typed, user.scope(), false);
        jdbc.sql("select id from vaccination_point where commune_code = ? and name = ? and id <> ?")
                .params(in.communeCode(), in.name(), id).query(Long.class).optional()
                .ifPresent(other -> {
                    throw taken(find(other).orElseThrow());
                });
        jdbc.sql("update vaccination_point set commune_code = ?, name = ?, kind = ?, address = ?, active = ? where id = ?")
                .params(in.communeCode(), in.name(), in.kind(), in.address(), in.active() == null ? before.active() : in.active(), id)
                .update();
        return find(id).orElseThrow();
    }

    /** Open points of the user's area (of one commune, if given) whose name contains the typed text, accents ignored. */
    @Transactional(readOnly = true)
    public List<Suggestion> suggest(String typed, String commune) {
        Scope scope = CurrentUser.require(Right.VACCINATION_READ).scope();
        return suggest(typed, commune, scope, false, LIMIT);
    }

    private List<Suggestion> suggest(String typed, String commune, Scope scope, boolean exact, int limit) {
        String q = typed == null ? "" : typed.strip();
        String match = exact ? "fold_text(p.name) = fold_text(:q)" : "strpos(fold_text(p.name), fold_text(:q)) > 0";
        return jdbc.sql("""
                select p.id, p.name || ' — ' || c.name from vaccination_point p join commune_card c on c.code = p.commune_code
                where p.active and %s and (:everywhere or p.commune_code = any(:within))
                  and (cast(:commune as text) is null or p.commune_code = :commune)
                order by fold_text(p.name) = fold_text(:q) desc, strpos(fold_text(p.name), fold_text(:q)), p.name, p.id
                limit :limit""".formatted(match))
                .param("q", q).param("everywhere", scope.everything()).param("within", readable(scope))
                .param("commune", commune == null || commune.isBlank() ? null : commune.strip()).param("limit", limit)
                .query((rs, i) -> new Suggestion(String.valueOf(rs.getLong(1)), rs.getString(2))).list();
    }

    /**
     * The point a picker's field came with: the chosen id, else the one open point of the area its typed name names
     * (the label typed back, "Trạm Y tế — Phường X", names the point before the dash); else a message for the field.
     */
    @Transactional(readOnly = true)
    public vn.phaodai.shared.Choice choose(String id, String typed) {
        if (id != null && !id.isBlank()) return new vn.phaodai.shared.Choice(id.strip(), null);
        if (typed == null || typed.isBlank()) return vn.phaodai.shared.Choice.NONE;
        Scope scope = CurrentUser.require(Right.VACCINATION_READ).scope();
        String t = typed.strip();
        int dash = t.indexOf(" — ");
        String name = dash > 0 ? t.substring(0, dash).strip() : t;
        List<Suggestion> found = suggest(name, null, scope, true, 2);
        if (found.isEmpty()) found = suggest(name, null, scope, false, 2);
        if (found.size() == 1) return new vn.phaodai.shared.Choice(found.get(0).id(), null);
        return new vn.phaodai.shared.Choice(null, messages.get(found.isEmpty() ? "vaccination.points.pick.none"
                : "vaccination.points.pick.several", name));
    }

    /** The label a chosen point shows in its picker ("Trạm Y tế — Phường X"), empty when unknown or outside. */
    @Transactional(readOnly = true)
    public String label(String id) {
        if (id == null || !id.strip().matches("\\d{1,18}")) return "";
        Scope scope = CurrentUser.require(Right.VACCINATION_READ).scope();
        return find(Long.parseLong(id.strip())).filter(p -> reads(scope, p.communeCode()))
                .map(p -> p.name() + " — " + p.communeName()).orElse("");
    }

    /** The message when a point is saved without a commune. */
    public String communeRequired() {
        return messages.get("vaccination.points.commune.required");
    }

    private java.util.Optional<Point> find(long id) {
        return jdbc.sql(SELECT + " where p.id = ?").param(id).query(Points::point).optional();
    }

    /** The input trimmed and checked, every wrong field at once; the commune must be one the user may write in. */
    private Input checked(Input in, Scope scope, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        String commune = in.communeCode() == null ? "" : in.communeCode().strip();
        if (commune.isEmpty()) {
            errors.add(new FieldError("communeCode", messages.get("vaccination.points.commune.required")));
        } else if (!scope.covers(commune, null) || !communeExists(commune)) {
            errors.add(new FieldError("communeCode", messages.get("vaccination.points.commune.outside", commune)));
        }
        String name = in.name() == null ? "" : in.name().strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) errors.add(new FieldError("name", messages.get("vaccination.points.name.required")));
        else if (name.length() > NAME_MAX) errors.add(new FieldError("name", messages.get("vaccination.points.name.long", NAME_MAX)));
        String kind = in.kind() == null ? "" : in.kind().strip().toUpperCase(Locale.ROOT);
        if (!KINDS.contains(kind)) errors.add(new FieldError("kind", messages.get("vaccination.points.kind.invalid")));
        String address = in.address() == null || in.address().isBlank() ? null : in.address().strip();
        if (address != null && address.length() > ADDRESS_MAX) {
            errors.add(new FieldError("address", messages.get("vaccination.points.address.long", ADDRESS_MAX)));
        }
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        return new Input(commune, name, kind, address, creating ? Boolean.TRUE : in.active());
    }

    private boolean communeExists(String code) {
        return jdbc.sql("select exists (select 1 from commune_card where code = ?)").param(code).query(Boolean.class).single();
    }

    /** A commune given as a filter must be in the area; none: the whole area. */
    private String visibleCommune(String commune, Scope scope) {
        if (commune == null || commune.isBlank()) return null;
        if (!reads(scope, commune.strip())) {
            throw new NotFoundException(messages.get("vaccination.points.commune.notFound", commune.strip()));
        }
        return commune.strip();
    }

    /** A team of one village sees the points of its village's commune (where it takes people to be vaccinated). */
    private static boolean reads(Scope scope, String commune) {
        return scope.everything() || scope.communes().contains(commune) || scope.villageCommunes().contains(commune);
    }

    private static String[] readable(Scope scope) {
        java.util.Set<String> all = new java.util.HashSet<>(scope.communes());
        all.addAll(scope.villageCommunes());
        return all.toArray(String[]::new);
    }

    private ConflictException taken(Point other) {
        return new ConflictException(messages.get("vaccination.points.name.taken", other.name(),
                messages.get("vaccination.pointKind." + other.kind())), "name", Map.of("pointId", other.id(), "kind", other.kind()));
    }

    private NotFoundException notFound() {
        return new NotFoundException(messages.get("vaccination.points.notFound"));
    }

    private static Point point(ResultSet rs, int i) throws SQLException {
        return new Point(rs.getLong("id"), rs.getString("commune_code"), rs.getString("commune_name"), rs.getString("district_name"),
                rs.getString("name"), rs.getString("kind"), rs.getString("address"), rs.getBoolean("active"));
    }
}
