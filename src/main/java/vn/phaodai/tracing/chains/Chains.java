package vn.phaodai.tracing.chains;

import vn.phaodai.tracing.TracingChecks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.PageResult;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chains of transmission, as far as the contacts tell: from a case up through the cases that exposed it to
 * the first known one, and down through every case those exposed; with the F1 and F2 of those cases.
 */
@Service
public class Chains {

    /** At most this many cases, and persons in all, in one drawing. */
    static final int MAX_CASES = 500, MAX_NODES = 2000;

    public record Node(long personId, String name, String tier, Long caseId, String communeCode) {
    }

    /** Who exposed whom: INFECTION between two cases, EXPOSURE towards an F1 or F2. */
    public record Edge(long source, long target, LocalDate exposureDate, String kind, String setting) {
    }

    public record Chain(long caseId, List<Node> nodes, List<Edge> edges, int cases, boolean truncated) {
    }

    /** A chain in the summary: its first known case, how many cases, how many generations, the newest case. */
    public record ChainSummary(long rootPersonId, long rootCaseId, String rootName, String communeCode, int cases, int generations,
                               LocalDate firstConfirmed, LocalDate newestConfirmed) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TracingChecks checks;

    Chains(JdbcClient jdbc, AuditLog audit, TracingChecks checks) {
        this.checks = checks;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @org.springframework.transaction.annotation.Transactional
    public Chain of(long caseId, boolean withContacts) {
        PhaodaiUser user = CurrentUser.require(Right.TRACING_READ);
        Scope scope = user.scope();
        long person = checks.requireCase(caseId, scope);
        audit.record("VIEW", "chain", caseId, person, null);
        jdbc.sql("drop table if exists chain_node").update();
        jdbc.sql("""
                create temp table chain_node on commit drop as
                with recursive up(person_id) as (
                    select cast(:person as bigint)
                    union
                    select k.source_person_id from up u join contact k on k.exposed_person_id = u.person_id
                    where exists (select 1 from case_card c where c.person_id = k.source_person_id and c.status <> 'DISCARDED')),
                down(person_id) as (
                    select person_id from up
                    union
                    select k.exposed_person_id from down d join contact k on k.source_person_id = d.person_id
                    where exists (select 1 from case_card c where c.person_id = k.exposed_person_id and c.status <> 'DISCARDED'))
                select person_id, true as f0 from down limit :max""").param("person", person).param("max", MAX_CASES + 1).update();
        int cases = jdbc.sql("select count(*) from chain_node").query(Integer.class).single();
        boolean truncated = cases > MAX_CASES;
        if (withContacts) {
            jdbc.sql("""
                    insert into chain_node (person_id, f0)
                    select distinct t.person_id, false from person_tier t
                    where t.tier > 0 and t.root_case_id in (select c.id from case_card c join chain_node n on n.person_id = c.person_id)
                      and not exists (select 1 from chain_node n where n.person_id = t.person_id)
                    limit :max""").param("max", MAX_NODES - cases).update();
        }
        Map<String, Object> p = new HashMap<>(scope.params());
        // A person outside the user's area is a node of the drawing only: no name, tier or case.
        List<Node> nodes = jdbc.sql("""
                select n.person_id, case when v.visible then pc.full_name end,
                       case when v.visible then (select min(t.tier) from person_tier t where t.person_id = n.person_id) end,
                       case when v.visible then (select c.id from case_card c where c.person_id = n.person_id and c.status <> 'DISCARDED'
                                                 order by c.confirmed_on desc limit 1) end,
                       pc.commune_code
                from chain_node n join person_card pc on pc.id = n.person_id
                cross join lateral (select %s as visible) v
                order by n.f0 desc, n.person_id""".formatted(scope.condition("pc.commune_code", "pc.village_id")))
                .params(p).query((rs, i) -> new Node(rs.getLong(1), rs.getString(2), rs.getObject(3) == null ? null : "F" + rs.getInt(3),
                        (Long) rs.getObject(4), rs.getString(5))).list();
        List<Edge> edges = jdbc.sql("""
                select k.source_person_id, k.exposed_person_id, min(k.exposure_date), bool_and(s.f0 and e.f0), min(k.setting)
                from contact k join chain_node s on s.person_id = k.source_person_id join chain_node e on e.person_id = k.exposed_person_id
                group by k.source_person_id, k.exposed_person_id order by 1, 2""")
                .query((rs, i) -> new Edge(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        rs.getBoolean(4) ? "INFECTION" : "EXPOSURE", rs.getString(5))).list();
        jdbc.sql("drop table chain_node").update();
        return new Chain(caseId, nodes, edges, Math.min(cases, MAX_CASES), truncated);
    }

    /** The chains whose first known case is in the jurisdiction, newest case first; a chain has at least {@code minCases}. */
    public PageResult<ChainSummary> summary(int minCases, int page, int size) {
        PhaodaiUser user = CurrentUser.require(Right.TRACING_READ);
        Scope scope = user.scope();
        Map<String, Object> p = new HashMap<>(scope.params());
        p.put("min", Math.max(1, minCases));
        String chains = """
                with recursive edge as materialized (
                    select distinct k.source_person_id as s, k.exposed_person_id as e from contact k
                    where exists (select 1 from case_card a where a.person_id = k.source_person_id and a.status <> 'DISCARDED')
                      and exists (select 1 from case_card b where b.person_id = k.exposed_person_id and b.status <> 'DISCARDED')),
                root as (select distinct s as person_id from edge where not exists (select 1 from edge x where x.e = edge.s)
                         union select c.person_id from case_card c where c.status <> 'DISCARDED'
                                and not exists (select 1 from edge x where x.e = c.person_id or x.s = c.person_id)),
                walk(root, person_id, depth) as (
                    select person_id, person_id, 1 from root
                    union
                    select w.root, e.e, w.depth + 1 from walk w join edge e on e.s = w.person_id where w.depth < 30),
                chain as (
                    select w.root, count(distinct w.person_id) as cases, max(w.depth) as generations from walk w group by w.root
                    having count(distinct w.person_id) >= :min)
                select ch.root, rc.id as root_case, pc.full_name, rc.commune_code, ch.cases, ch.generations, rc.confirmed_on as first_confirmed,
                       (select max(c.confirmed_on) from walk w join case_card c on c.person_id = w.person_id and c.status <> 'DISCARDED'
                        where w.root = ch.root) as newest
                from chain ch
                join lateral (select * from case_card c where c.person_id = ch.root and c.status <> 'DISCARDED' order by c.confirmed_on limit 1) rc on true
                join person_card pc on pc.id = ch.root
                where %s""".formatted(scope.condition("rc.commune_code", "rc.village_id"));
        List<ChainSummary> all = jdbc.sql(chains + " order by newest desc, ch.root").params(p)
                .query((rs, i) -> new ChainSummary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getInt(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class))).list();
        int from = Math.min(all.size(), page * size);
        List<ChainSummary> shown = all.subList(from, Math.min(all.size(), from + size));
        audit.recordShown("chain", AuditLog.criteria("list", "chains", "minCases", minCases), shown, ChainSummary::rootPersonId);
        return new PageResult<>(shown, all.size(), page, size);
    }
}
