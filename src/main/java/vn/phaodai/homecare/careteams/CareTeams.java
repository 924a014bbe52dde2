package vn.phaodai.homecare.careteams;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.cases.CasesChanged;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The commune's mobile medical stations and home-care teams, their health workers and the villages each
 * serves. A new F0 is given a responsible worker at once: the least loaded of those serving the case's
 * village, else of the commune; an officer can re-assign.
 */
@Service
public class CareTeams {

    public record Worker(long id, long teamId, String fullName, String phone, String username, List<Long> villageIds, long cases) {
    }

    public record Team(long id, String communeCode, String kind, String name, List<Worker> workers) {
    }

    public record TeamForm(String communeCode, String kind, String name) {
    }

    public record WorkerForm(String fullName, String phone, String username, List<Long> villageIds) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Messages messages;

    CareTeams(JdbcClient jdbc, AuditLog audit, Messages messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public Team create(TeamForm form) {
        PhaodaiUser user = CurrentUser.require(Right.HOME_CARE_WRITE);
        List<FieldError> errors = new ArrayList<>();
        if (form.name() == null || form.name().isBlank()) errors.add(new FieldError("name", messages.get("homecare.team.nameNeeded")));
        if (form.kind() == null || !Set.of("MOBILE_STATION", "HOME_CARE_TEAM").contains(form.kind())) {
            errors.add(new FieldError("kind", messages.get("homecare.team.kind")));
        }
        if (form.communeCode() == null || jdbc.sql("select count(*) from commune_card where code = ?").param(form.communeCode())
                .query(Long.class).single() == 0) {
            errors.add(new FieldError("communeCode", messages.get("homecare.communeNotFound", form.communeCode())));
        }
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        if (!user.scope().covers(form.communeCode(), null)) throw new AccessDeniedException(messages.get("homecare.team.outsideArea"));
        Long id = jdbc.sql("""
                insert into care_team (commune_code, kind, name) values (?, ?, ?) on conflict (commune_code, name) do nothing returning id""")
                .params(form.communeCode(), form.kind(), form.name().strip()).query(Long.class).optional()
                .orElseThrow(() -> new ConflictException(messages.get("homecare.team.nameTaken", form.name()), "name", Map.of()));
        audit.record("CREATE", "care_team", id, null, Map.of("name", form.name()));
        return team(id, user.scope());
    }

    @Transactional
    public Worker addWorker(long teamId, WorkerForm form) {
        PhaodaiUser user = CurrentUser.require(Right.HOME_CARE_WRITE);
        Team team = team(teamId, user.scope());
        if (form.fullName() == null || form.fullName().isBlank()) {
            throw new InvalidInputException("fullName", messages.get("homecare.worker.nameNeeded"));
        }
        String phone = blankToNull(form.phone()), username = blankToNull(form.username());
        if (phone != null && !phone.matches("\\+?[0-9 .]{8,13}")) {
            throw new InvalidInputException("phone", messages.get("homecare.worker.invalidPhone", phone));
        }
        List<Long> villages = villagesOf(team, form.villageIds());
        long id = jdbc.sql("insert into care_worker (team_id, full_name, phone, username) values (?, ?, ?, ?) returning id")
                .params(teamId, form.fullName().strip(), phone, username).query(Long.class).single();
        for (Long v : villages) jdbc.sql("insert into care_worker_village (worker_id, village_id) values (?, ?)").params(id, v).update();
        assignUnfollowedAtHome(team.communeCode());
        audit.record("CREATE", "care_worker", id, null, Map.of("team", teamId));
        return team(teamId, user.scope()).workers().stream().filter(w -> w.id() == id).findFirst().orElseThrow();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The teams of a commune (or of the jurisdiction), with their workers and the F0 each follows now. */
    public List<Team> teams(String commune) {
        PhaodaiUser user = CurrentUser.require(Right.HOME_CARE_READ);
        Map<String, Object> p = new HashMap<>(user.scope().params());
        String where = user.scope().condition("t.commune_code", "null::bigint");
        if (commune != null && !commune.isBlank()) {
            where += " and t.commune_code = :commune";
            p.put("commune", commune);
        }
        List<Long> ids = jdbc.sql("select t.id from care_team t where " + where + " order by t.commune_code, t.name").params(p)
                .query(Long.class).list();
        return ids.stream().map(id -> team(id, Scope.EVERYTHING)).toList();
    }

    private Team team(long id, Scope scope) {
        Map<String, Object> p = new HashMap<>(scope.params());
        p.put("id", id);
        record Row(long id, String commune, String kind, String name) {
        }
        Row t = jdbc.sql("select id, commune_code, kind, name from care_team t where id = :id and "
                        + scope.condition("t.commune_code", "null::bigint")).params(p)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).optional()
                .orElseThrow(() -> new NotFoundException(messages.get("homecare.team.notFound", String.valueOf(id))));
        List<Worker> workers = jdbc.sql("""
                select w.id, w.team_id, w.full_name, w.phone, w.username,
                       array(select village_id from care_worker_village v where v.worker_id = w.id order by village_id) as villages,
                       (select count(*) from care_assignment a join case_card c on c.id = a.case_id
                        where a.worker_id = w.id and c.status = 'ACTIVE' and c.care_setting = 'HOME') as cases
                from care_worker w where w.team_id = ? and w.active order by w.full_name""").param(id)
                .query((rs, i) -> new Worker(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        List.of((Long[]) rs.getArray(6).getArray()), rs.getLong(7))).list();
        return new Team(t.id(), t.commune(), t.kind(), t.name(), workers);
    }

    /**
     * New cases get their worker in the transaction that opened them: among the workers serving the case's
     * village (else all of the commune's), taken in turn from the least loaded, so that a day of fifty
     * positives in one village is shared out rather than given to whoever was least loaded at the start.
     */
    @EventListener
    void on(CasesChanged changed) {
        if (changed.opened().isEmpty()) return;
        assignWithoutWorker("c.id = any(:cases)",
                Map.of("cases", changed.opened().stream().map(CasesChanged.Change::caseId).toArray(Long[]::new)));
    }

    /**
     * When a commune gains a worker, or a worker villages, its F0 at home that nobody follows yet (opened while
     * the commune had no worker) are given one by the same rule as a new case; those with a worker keep theirs.
     */
    private void assignUnfollowedAtHome(String commune) {
        assignWithoutWorker("c.commune_code = :commune and c.status = 'ACTIVE' and c.care_setting = 'HOME'", Map.of("commune", commune));
    }

    /** The cases of {@code condition} (on case_card c) without a worker get the least loaded of their village, else commune. */
    private void assignWithoutWorker(String condition, Map<String, Object> params) {
        jdbc.sql("""
                with fresh as (
                    select c.id, c.commune_code, c.village_id,
                           row_number() over (partition by c.commune_code, c.village_id order by c.id) - 1 as n
                    from case_card c where\s""" + condition + """
                     and not exists (select 1 from care_assignment a where a.case_id = c.id)),
                workers as (
                    select w.id, t.commune_code,
                           (select count(*) from care_assignment a join case_card c on c.id = a.case_id
                            where a.worker_id = w.id and c.status = 'ACTIVE') as load
                    from care_worker w join care_team t on t.id = w.team_id
                    where w.active and t.commune_code in (select commune_code from fresh)),
                candidates as (
                    select f.id, f.n, coalesce(
                        (select array_agg(w.id order by w.load, w.id) from workers w join care_worker_village v on v.worker_id = w.id
                         where w.commune_code = f.commune_code and v.village_id = f.village_id),
                        (select array_agg(w.id order by w.load, w.id) from workers w where w.commune_code = f.commune_code)) as ids
                    from fresh f)
                insert into care_assignment (case_id, worker_id, assigned_by)
                select id, ids[n % cardinality(ids) + 1], 'auto' from candidates where ids is not null
                on conflict (case_id) do nothing""").params(params).update();
    }

    /** More villages for a worker of the team; the villages' F0 at home without a worker are given one. */
    @Transactional
    public Worker giveVillages(long teamId, long workerId, List<Long> villageIds) {
        PhaodaiUser user = CurrentUser.require(Right.HOME_CARE_WRITE);
        Team team = team(teamId, user.scope());
        if (team.workers().stream().noneMatch(w -> w.id() == workerId)) {
            throw new NotFoundException(messages.get("homecare.worker.notFound", String.valueOf(workerId)));
        }
        List<Long> villages = villagesOf(team, villageIds);
        for (Long v : villages) {
            jdbc.sql("insert into care_worker_village (worker_id, village_id) values (?, ?) on conflict do nothing").params(workerId, v).update();
        }
        assignUnfollowedAtHome(team.communeCode());
        audit.record("UPDATE", "care_worker", workerId, null, Map.of("villages", villages));
        return team(teamId, user.scope()).workers().stream().filter(w -> w.id() == workerId).findFirst().orElseThrow();
    }

    /** The villages asked for, each of the team's commune (else 400 at villageIds). */
    private List<Long> villagesOf(Team team, List<Long> villageIds) {
        List<Long> villages = villageIds == null ? List.of() : villageIds.stream().distinct().toList();
        if (!villages.isEmpty() && jdbc.sql("select count(*) from village_card where id = any(?) and commune_code = ?")
                .params(villages.toArray(Long[]::new), team.communeCode()).query(Long.class).single() != villages.size()) {
            throw new InvalidInputException("villageIds", messages.get("homecare.worker.villagesOfCommune"));
        }
        return villages;
    }

    @Transactional
    public Worker reassign(long caseId, long workerId) {
        PhaodaiUser user = CurrentUser.require(Right.HOME_CARE_WRITE);
        Map<String, Object> p = new HashMap<>(user.scope().params());
        p.put("case", caseId);
        p.put("worker", workerId);
        String commune = jdbc.sql("select commune_code from case_card c where id = :case and "
                        + user.scope().condition("c.commune_code", "c.village_id")).params(p).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException(messages.get("homecare.caseNotFound", String.valueOf(caseId))));
        Long team = jdbc.sql("""
                select w.team_id from care_worker w join care_team t on t.id = w.team_id
                where w.id = :worker and w.active and t.commune_code = :commune""").param("worker", workerId).param("commune", commune)
                .query(Long.class).optional()
                .orElseThrow(() -> new InvalidInputException("workerId", messages.get("homecare.worker.notOfCommune")));
        jdbc.sql("""
                insert into care_assignment (case_id, worker_id, assigned_by) values (?, ?, ?)
                on conflict (case_id) do update set worker_id = excluded.worker_id, assigned_at = now(), assigned_by = excluded.assigned_by""")
                .params(caseId, workerId, user.username()).update();
        audit.record("ASSIGN", "case", caseId, null, Map.of("worker", workerId));
        return team(team, Scope.EVERYTHING).workers().stream().filter(w -> w.id() == workerId).findFirst().orElseThrow();
    }
}
