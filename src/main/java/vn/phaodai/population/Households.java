package vn.phaodai.population;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.security.access.AccessDeniedException;
import vn.phaodai.geography.Geography;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;

import java.util.Optional;

/** Households (hộ gia đình) and enterprises (workplaces), the registry's two groupings of persons. */
@Service
public class Households {

    public record Household(long id, String communeCode, Long villageId, String code, String address, Long headPersonId) {
    }

    public record Enterprise(long id, String name, String taxCode, String communeCode, String address, String industrialPark) {
    }

    private static final RowMapper<Household> HOUSEHOLD = (rs, i) -> new Household(rs.getLong("id"), rs.getString("commune_code"),
            (Long) rs.getObject("village_id"), rs.getString("code"), rs.getString("address"), (Long) rs.getObject("head_person_id"));
    private static final RowMapper<Enterprise> ENTERPRISE = (rs, i) -> new Enterprise(rs.getLong("id"), rs.getString("name"),
            rs.getString("tax_code"), rs.getString("commune_code"), rs.getString("address"), rs.getString("industrial_park"));

    private final JdbcClient jdbc;
    private final Geography geography;
    private final Messages messages;

    Households(JdbcClient jdbc, Geography geography, Messages messages) {
        this.jdbc = jdbc;
        this.geography = geography;
        this.messages = messages;
    }

    public Household create(String communeCode, Long villageId, String code, String address) {
        Scope scope = CurrentUser.require(Right.PERSON_WRITE).scope();
        if (communeCode != null && !scope.covers(communeCode, villageId)) {
            throw new AccessDeniedException(messages.get("population.commune.outsideJurisdiction", communeCode));
        }
        if (communeCode == null || geography.findCommune(communeCode).filter(c -> c.active()).isEmpty()) {
            throw new InvalidInputException("communeCode", messages.get("population.commune.notActive", communeCode));
        }
        if (villageId != null && geography.village(villageId).filter(v -> v.communeCode().equals(communeCode)).isEmpty()) {
            throw new InvalidInputException("villageId", messages.get("population.village.notInCommune"));
        }
        String c = code == null || code.isBlank() ? null : code.strip();
        return jdbc.sql("""
                insert into household (commune_code, village_id, code, address) values (?, ?, ?, ?)
                on conflict (commune_code, code) do nothing returning *""")
                .params(communeCode, villageId, c, address).query(HOUSEHOLD).optional()
                .orElseThrow(() -> new InvalidInputException("code", messages.get("population.household.codeTaken", c)));
    }

    /** A household of the user's jurisdiction; any other does not exist for them. */
    public Household household(long id) {
        var user = CurrentUser.get();
        if (!user.can(Right.PERSON_READ) && !user.can(Right.PERSON_READ_BASIC)) {
            throw new AccessDeniedException(messages.get("population.person.noReadRight"));
        }
        Scope scope = user.scope();
        return jdbc.sql("select * from household h where h.id = :id and " + scope.condition("h.commune_code", "h.village_id"))
                .params(scope.params()).param("id", id).query(HOUSEHOLD).optional()
                .orElseThrow(() -> new NotFoundException(messages.get("population.household.notFound", String.valueOf(id))));
    }

    public Enterprise createEnterprise(String name, String taxCode, String communeCode, String address, String industrialPark) {
        CurrentUser.require(Right.PERSON_WRITE);
        if (name == null || name.isBlank()) throw new InvalidInputException("name", messages.get("population.enterprise.nameRequired"));
        if (taxCode != null && !taxCode.isBlank() && !taxCode.strip().matches("\\d{10}(-\\d{3})?")) {
            throw new InvalidInputException("taxCode", messages.get("population.enterprise.taxCodeFormat"));
        }
        if (communeCode != null && geography.findCommune(communeCode).isEmpty()) {
            throw new InvalidInputException("communeCode", messages.get("population.commune.notFound", communeCode));
        }
        String tax = taxCode == null || taxCode.isBlank() ? null : taxCode.strip();
        return jdbc.sql("""
                insert into enterprise (name, tax_code, commune_code, address, industrial_park) values (?, ?, ?, ?, ?)
                on conflict (tax_code) do nothing returning *""")
                .params(name.strip(), tax, communeCode, address, industrialPark).query(ENTERPRISE).optional()
                .orElseThrow(() -> new InvalidInputException("taxCode", messages.get("population.enterprise.taxCodeTaken", tax)));
    }

    public Optional<Enterprise> enterprise(long id) {
        return jdbc.sql("select * from enterprise where id = ?").param(id).query(ENTERPRISE).optional();
    }
}
