package vn.phaodai.tracing.chains;

import vn.phaodai.tracing.TracingChecks;
import vn.phaodai.tracing.contacts.Contacts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.geography.Geography;
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
import vn.phaodai.shared.PageResult;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Clusters (ổ dịch, chùm ca): a place with its commune, its cases and contacts, opened and closed by an
 * officer. A cluster may be closed only when it has had no new case for {@code phaodai.tracing.cluster-quiet-days}
 * days (14 by default); until then the list proposes closing the quiet ones.
 */
@Service
public class Clusters {

    public static final List<String> KINDS = List.of("ENTERPRISE", "INDUSTRIAL_PARK", "MARKET", "HAMLET", "SCHOOL", "CARE_HOME", "OTHER");

    public record ClusterForm(String name, String kind, String communeCode, Long villageId, String address, String openedOn, String note) {
    }

    public record Cluster(long id, String name, String kind, String communeCode, Long villageId, String address, LocalDate openedOn,
                          String openedBy, LocalDate closedOn, String closedBy, String note, int cases, int contacts,
                          LocalDate lastCase, int quietDays, boolean closable) {
        public boolean open() {
            return closedOn == null;
        }
    }

    public record ClusterCase(long caseId, long personId, String fullName, LocalDate confirmedOn, String status) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Geography geography;
    private final int quietDays;
    private final ApplicationClock clock;
    private final TracingChecks checks;
    private final Messages messages;

    Clusters(JdbcClient jdbc, AuditLog audit, Geography geography, @Value("${phaodai.tracing.cluster-quiet-days:14}") int quietDays,
             ApplicationClock clock, TracingChecks checks, Messages messages) {
        this.checks = checks;
        this.messages = messages;
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
        this.geography = geography;
        this.quietDays = quietDays;
    }

    private static final String SELECT = """
            select g.*, s.cases, s.last_case, (select count(*) from contact k where k.cluster_id = g.id) as contacts
            from cluster g
            cross join lateral (select count(*) as cases, max(c.confirmed_on) as last_case from cluster_case cc
                                join case_card c on c.id = cc.case_id and c.status <> 'DISCARDED' where cc.cluster_id = g.id) s
            """;

    private RowMapper<Cluster> mapper() {
        LocalDate today = clock.today();
        return (rs, i) -> {
            LocalDate last = rs.getObject("last_case", LocalDate.class);
            LocalDate opened = rs.getObject("opened_on", LocalDate.class);
            int quiet = (int) java.time.temporal.ChronoUnit.DAYS.between(last == null ? opened : last, today);
            LocalDate closed = rs.getObject("closed_on", LocalDate.class);
            return new Cluster(rs.getLong("id"), rs.getString("name"), rs.getString("kind"), rs.getString("commune_code"),
                    (Long) rs.getObject("village_id"), rs.getString("address"), opened, rs.getString("opened_by"), closed,
                    rs.getString("closed_by"), rs.getString("note"), rs.getInt("cases"), rs.getInt("contacts"), last, quiet,
                    closed == null && quiet >= quietDays);
        };
    }

    public int quietDays() {
        return quietDays;
    }

    public PageResult<Cluster> search(String commune, Boolean open, int page, int size) {
        Scope scope = CurrentUser.require(Right.TRACING_READ).scope();
        Map<String, Object> p = new HashMap<>(scope.params());
        StringBuilder where = new StringBuilder(scope.condition("g.commune_code", "g.village_id"));
        if (commune != null && !commune.isBlank()) {
            where.append(" and g.commune_code = :commune");
            p.put("commune", commune.strip());
        }
        if (open != null) where.append(open ? " and g.closed_on is null" : " and g.closed_on is not null");
        long total = jdbc.sql("select count(*) from cluster g where " + where).params(p).query(Long.class).single();
        p.put("limit", size);
        p.put("offset", (long) page * size);
        List<Cluster> items = jdbc.sql(SELECT + " where " + where + " order by g.closed_on nulls first, s.last_case desc nulls last, g.id desc"
                + " limit :limit offset :offset").params(p).query(mapper()).list();
        return new PageResult<>(items, total, page, size);
    }

    public Cluster get(long id) {
        return find(id, CurrentUser.require(Right.TRACING_READ).scope());
    }

    private Cluster find(long id, Scope scope) {
        Map<String, Object> p = new HashMap<>(scope.params());
        p.put("id", id);
        return jdbc.sql(SELECT + " where g.id = :id and " + scope.condition("g.commune_code", "g.village_id")).params(p).query(mapper())
                .optional().orElseThrow(() -> new NotFoundException(messages.get("tracing.cluster.notFound", String.valueOf(id))));
    }

    public List<ClusterCase> cases(long id) {
        Scope scope = CurrentUser.require(Right.TRACING_READ).scope();
        find(id, scope);
        Map<String, Object> p = new HashMap<>(scope.params());
        p.put("id", id);
        List<ClusterCase> cases = jdbc.sql("""
                select c.id, c.person_id, case when %s then pc.full_name end, c.confirmed_on, c.status
                from cluster_case cc join case_card c on c.id = cc.case_id join person_card pc on pc.id = c.person_id
                where cc.cluster_id = :id order by c.confirmed_on desc, c.id""".formatted(scope.condition("pc.commune_code", "pc.village_id")))
                .params(p).query((rs, i) -> new ClusterCase(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5))).list();
        audit.recordShown("cluster", Map.of("cluster", id), cases, ClusterCase::personId);
        return cases;
    }

    @Transactional
    public Cluster open(ClusterForm form) {
        PhaodaiUser user = CurrentUser.require(Right.TRACING_WRITE);
        List<FieldError> errors = new ArrayList<>();
        if (form.name() == null || form.name().isBlank()) errors.add(new FieldError("name", messages.get("tracing.cluster.name.required")));
        String kind = checks.oneOf(errors, "kind", form.kind(), KINDS, "OTHER");
        LocalDate opened = form.openedOn() == null || form.openedOn().isBlank() ? clock.today()
                : checks.date(errors, "openedOn", form.openedOn(), true);
        if (form.communeCode() == null || geography.findCommune(form.communeCode()).isEmpty()) {
            errors.add(new FieldError("communeCode", messages.get("tracing.cluster.commune.notFound", form.communeCode())));
        }
        if (form.villageId() != null && geography.village(form.villageId()).filter(v -> v.communeCode().equals(form.communeCode())).isEmpty()) {
            errors.add(new FieldError("villageId", messages.get("tracing.cluster.village.outside", form.communeCode())));
        }
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        if (!user.scope().covers(form.communeCode(), form.villageId())) {
            throw new AccessDeniedException(messages.get("tracing.cluster.commune.outsideArea", form.communeCode()));
        }
        long id = jdbc.sql("""
                insert into cluster (name, kind, commune_code, village_id, address, opened_on, opened_by, note)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(form.name().strip(), kind, form.communeCode(), form.villageId(), Contacts.blankToNull(form.address()), opened,
                        user.username(), Contacts.blankToNull(form.note())).query(Long.class).single();
        audit.record("CREATE", "cluster", id, null, Map.of("name", form.name(), "commune", form.communeCode()));
        return find(id, user.scope());
    }

    /** Links a case (of the user's jurisdiction) to the cluster; linking it again changes nothing. */
    @Transactional
    public Cluster addCase(long id, long caseId) {
        PhaodaiUser user = CurrentUser.require(Right.TRACING_WRITE);
        Cluster cluster = find(id, user.scope());
        if (!cluster.open()) throw new ConflictException(messages.get("tracing.cluster.alreadyClosed"), "status", Map.of());
        long person = checks.requireCase(caseId, user.scope());
        int added = jdbc.sql("insert into cluster_case (cluster_id, case_id, added_by) values (?, ?, ?) on conflict do nothing")
                .params(id, caseId, user.username()).update();
        if (added > 0) audit.record("LINK", "cluster", id, person, Map.of("caseId", caseId));
        return find(id, user.scope());
    }

    /** Closes a cluster that has been quiet long enough (409 otherwise, with the day it may close). */
    @Transactional
    public Cluster close(long id, String note) {
        PhaodaiUser user = CurrentUser.require(Right.TRACING_WRITE);
        Cluster cluster = find(id, user.scope());
        if (!cluster.open()) throw new ConflictException(messages.get("tracing.cluster.alreadyClosedOn", String.valueOf(cluster.closedOn())), "status", Map.of());
        if (!cluster.closable()) {
            LocalDate from = (cluster.lastCase() == null ? cluster.openedOn() : cluster.lastCase()).plusDays(quietDays);
            throw new ConflictException(messages.get("tracing.cluster.notQuiet", String.valueOf(quietDays), from.toString()), "closedOn",
                    Map.of("closableFrom", from.toString()));
        }
        jdbc.sql("update cluster set closed_on = ?, closed_by = ?, note = coalesce(?, note) where id = ?")
                .params(clock.today(), user.username(), Contacts.blankToNull(note), id).update();
        audit.record("CLOSE", "cluster", id, null, Map.of("quietDays", cluster.quietDays()));
        return find(id, user.scope());
    }
}
