package vn.phaodai.quarantine.pickers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.Suggestion;

import java.util.List;

/**
 * Active quarantine and treatment facilities by part of their name or code (accents ignored): "Khu cách ly Ký túc
 * xá — Phường Nam Hà". Facilities are the province's: every user who may read quarantine sees them all, those of
 * the user's own communes first. No personal data: not audited.
 */
@RestController
@RequestMapping({"/api/v1/pick", "/pick"}) // machines by token; pages by their session
@Tag(name = "Pickers")
class FacilityPickApi {

    private final JdbcClient jdbc;

    FacilityPickApi(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/facilities")
    @Operation(summary = "Active facilities whose name or code contains q (accents ignored), the user's communes first")
    List<Suggestion> facilities(@RequestParam(defaultValue = "") String q) {
        var scope = CurrentUser.require(Right.QUARANTINE_READ).scope();
        return jdbc.sql("""
                select f.id, f.name || coalesce(' — ' || c.name, '') from quarantine_facility f
                left join commune_card c on c.code = f.commune_code
                where f.active and (strpos(fold_text(f.name), fold_text(:q)) > 0 or fold_text(f.code) = fold_text(:q))
                order by (:everywhere or f.commune_code = any(:communes)) desc, fold_text(f.name) = fold_text(:q) desc, f.name
                limit 12""")
                .param("q", q.strip()).param("everywhere", scope.everything())
                .param("communes", scope.communes().toArray(String[]::new))
                .query((rs, i) -> new Suggestion(String.valueOf(rs.getLong(1)), rs.getString(2))).list();
    }
}
