package vn.phaodai.homecare.careteams;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.Suggestion;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Active health workers of the care teams of the user's communes by part of their name (accents ignored):
 * "Lê Thị Hoa — Tổ chăm sóc tại nhà 1". Staff, not patients: not audited.
 */
@RestController
@RequestMapping({"/api/v1/pick", "/pick"}) // machines by token; pages by their session
@Tag(name = "Pickers")
class WorkerPickApi {

    private final JdbcClient jdbc;

    WorkerPickApi(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/workers")
    @Operation(summary = "Active care workers of the user's communes (of one commune when given) whose name contains q")
    List<Suggestion> workers(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String commune) {
        Scope scope = CurrentUser.require(Right.HOME_CARE_READ).scope();
        Set<String> communes = new HashSet<>(scope.communes());
        communes.addAll(scope.villageCommunes());
        return jdbc.sql("""
                select w.id, w.full_name || ' — ' || t.name from care_worker w join care_team t on t.id = w.team_id
                where w.active and strpos(fold_text(w.full_name), fold_text(:q)) > 0
                  and (:everywhere or t.commune_code = any(:communes))
                  and (cast(:commune as text) is null or t.commune_code = :commune)
                order by fold_text(w.full_name) = fold_text(:q) desc, w.full_name, w.id
                limit 12""")
                .param("q", q.strip()).param("everywhere", scope.everything())
                .param("communes", communes.toArray(String[]::new))
                .param("commune", commune == null || commune.isBlank() ? null : commune.strip())
                .query((rs, i) -> new Suggestion(String.valueOf(rs.getLong(1)), rs.getString(2))).list();
    }
}
