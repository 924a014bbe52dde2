package vn.phaodai.vaccination.stock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.Suggestion;

import java.util.List;

/** The suggestions a stock holder picker shows as the keeper types (no personal data: not audited). */
@RestController
@RequestMapping({"/api/v1/pick", "/pick"}) // machines by token; pages by their session
@Tag(name = "Pickers", description = "Suggestions by part of a name, inside the user's jurisdiction")
class HolderPickApi {

    private final Holders holders;

    HolderPickApi(Holders holders) {
        this.holders = holders;
    }

    @GetMapping("/vaccine-holders")
    @Operation(summary = "Provinces, districts, communes and vaccination points of the user's area whose name contains q")
    List<Suggestion> holders(@RequestParam(defaultValue = "") String q) {
        return holders.suggest(q, CurrentUser.require(Right.VACCINE_STOCK_READ).scope());
    }
}
