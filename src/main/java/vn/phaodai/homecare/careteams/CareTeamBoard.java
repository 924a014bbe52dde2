package vn.phaodai.homecare.careteams;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the care-teams page shows of one commune: its teams with the workers busiest first and the villages each
 * serves by name, the F0 at home and those still without a responsible worker.
 */
@Service
class CareTeamBoard {

    record Commune(String code, String name, String district) {
    }

    /** The communes to choose from; open when the jurisdiction is the whole installation (any code may be typed). */
    record Picker(boolean open, List<Commune> options) {
    }

    record VillageName(long id, String name, boolean active) {
    }

    record WorkerRow(long id, String fullName, String phone, String username, List<String> villages, long cases) {
    }

    record TeamRow(long id, String kind, String name, List<WorkerRow> workers) {
    }

    record Unassigned(long caseId, String fullName, int birthYear, String village) {
    }

    record Board(Commune commune, List<TeamRow> teams, List<VillageName> villages, long atHome, long withoutWorker, long maxLoad,
                 List<Unassigned> unassigned) {
    }

    /** F0 without a worker listed on the page (the count is of them all). */
    static final int UNASSIGNED_SHOWN = 20;
    private static final String AT_HOME = "c.status = 'ACTIVE' and c.care_setting = 'HOME' and c.commune_code = :commune and ";

    private final JdbcClient jdbc;
    private final CareTeams careTeams;
    private final Messages messages;

    CareTeamBoard(JdbcClient jdbc, CareTeams careTeams, Messages messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.careTeams = careTeams;
    }

    Picker communes() {
        Scope scope = CurrentUser.require(Right.HOME_CARE_READ).scope();
        String select = "select c.code, c.name, c.district_name from commune_card c where ";
        String where = scope.everything()
                ? "c.code in (select commune_code from care_team union "
                  + "select commune_code from case_card where status = 'ACTIVE' and care_setting = 'HOME')"
                : "c.active and " + scope.condition("c.code", "null::bigint");
        List<Commune> options = jdbc.sql(select + where + " order by c.district_name, c.name").params(scope.params())
                .query((rs, i) -> new Commune(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        return new Picker(scope.everything(), options);
    }

    /** The commune's board; a commune outside the jurisdiction does not exist. */
    Board of(String commune) {
        PhaodaiUser user = CurrentUser.require(Right.HOME_CARE_READ);
        Commune c = user.scope().covers(commune, null) ? jdbc.sql("""
                        select c.code, c.name, c.district_name from commune_card c where c.code = ?""")
                .param(commune).query((rs, i) -> new Commune(rs.getString(1), rs.getString(2), rs.getString(3))).optional()
                .orElse(null) : null;
        if (c == null) throw new NotFoundException(messages.get("homecare.communeNotFound", commune));
        List<VillageName> villages = jdbc.sql("select id, name, active from village_card where commune_code = ? order by name").param(commune)
                .query((rs, i) -> new VillageName(rs.getLong(1), rs.getString(2), rs.getBoolean(3))).list();
        Map<Long, String> names = villages.stream().collect(Collectors.toMap(VillageName::id, VillageName::name));
        List<TeamRow> teams = careTeams.teams(commune).stream().map(t -> row(t, names)).toList();
        long maxLoad = teams.stream().flatMap(t -> t.workers().stream()).mapToLong(WorkerRow::cases).max().orElse(0);

        Map<String, Object> p = new HashMap<>(user.scope().params());
        p.put("commune", commune);
        String scoped = AT_HOME + user.scope().condition("c.commune_code", "c.village_id");
        long[] totals = jdbc.sql("select count(*), count(*) filter (where a.case_id is null) from case_card c "
                        + "left join care_assignment a on a.case_id = c.id where " + scoped).params(p)
                .query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
        p.put("limit", UNASSIGNED_SHOWN);
        List<Unassigned> unassigned = jdbc.sql("""
                select c.id, p.full_name, p.birth_year, v.name from case_card c join person_card p on p.id = c.person_id
                left join village_card v on v.id = c.village_id
                where not exists (select 1 from care_assignment a where a.case_id = c.id) and\s""" + scoped
                        + " order by c.confirmed_on, c.id limit :limit").params(p)
                .query((rs, i) -> new Unassigned(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4))).list();
        return new Board(c, teams, villages, totals[0], totals[1], maxLoad, unassigned);
    }

    /** Workers busiest first, their villages by name. */
    private static TeamRow row(CareTeams.Team t, Map<Long, String> villageNames) {
        List<WorkerRow> workers = t.workers().stream()
                .sorted(Comparator.comparingLong(CareTeams.Worker::cases).reversed().thenComparing(CareTeams.Worker::fullName))
                .map(w -> new WorkerRow(w.id(), w.fullName(), w.phone(), w.username(),
                        w.villageIds().stream().map(v -> villageNames.getOrDefault(v, "#" + v)).toList(), w.cases()))
                .toList();
        return new TeamRow(t.id(), t.kind(), t.name(), workers);
    }
}
