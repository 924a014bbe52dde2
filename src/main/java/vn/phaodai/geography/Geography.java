package vn.phaodai.geography;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;

import java.util.List;
import java.util.Optional;

/** The map of the country as other capabilities see it: units by code, their children, villages. */
@Service
public class Geography {

    private static final RowMapper<AdminUnit> UNIT = (rs, i) -> new AdminUnit(rs.getString("code"), rs.getString("name"),
            rs.getString("name_en"), UnitKind.valueOf(rs.getString("kind")), rs.getString("parent"), rs.getBoolean("active"),
            rs.getInt("children"));
    private static final RowMapper<Village> VILLAGE = (rs, i) -> new Village(rs.getLong("id"), rs.getString("commune_code"),
            rs.getString("name"), rs.getString("kind"), rs.getBoolean("active"));

    private final JdbcClient jdbc;
    private final Messages messages;

    Geography(JdbcClient jdbc, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    public List<AdminUnit> provinces() {
        return jdbc.sql("""
                select p.code, p.name, p.name_en, p.kind, null as parent, p.active,
                       (select count(*) from district d where d.province_code = p.code and d.active) as children
                from province p order by p.active desc, p.code""").query(UNIT).list();
    }

    public List<AdminUnit> districts(String provinceCode) {
        province(provinceCode);
        return jdbc.sql("""
                select d.code, d.name, d.name_en, d.kind, d.province_code as parent, d.active,
                       (select count(*) from commune c where c.district_code = d.code and c.active) as children
                from district d where d.province_code = ? order by d.active desc, d.code""")
                .param(provinceCode).query(UNIT).list();
    }

    public List<AdminUnit> communes(String districtCode) {
        district(districtCode);
        return jdbc.sql("""
                select c.code, c.name, c.name_en, c.kind, c.district_code as parent, c.active,
                       (select count(*) from village v where v.commune_code = c.code and v.active) as children
                from commune c where c.district_code = ? order by c.active desc, c.code""")
                .param(districtCode).query(UNIT).list();
    }

    public AdminUnit province(String code) {
        return jdbc.sql("""
                select p.code, p.name, p.name_en, p.kind, null as parent, p.active,
                       (select count(*) from district d where d.province_code = p.code and d.active) as children
                from province p where p.code = ?""").param(code).query(UNIT).optional()
                .orElseThrow(() -> new NotFoundException(messages.get("geography.province.notFound", code)));
    }

    public AdminUnit district(String code) {
        return jdbc.sql("""
                select d.code, d.name, d.name_en, d.kind, d.province_code as parent, d.active,
                       (select count(*) from commune c where c.district_code = d.code and c.active) as children
                from district d where d.code = ?""").param(code).query(UNIT).optional()
                .orElseThrow(() -> new NotFoundException(messages.get("geography.district.notFound", code)));
    }

    public Optional<AdminUnit> findCommune(String code) {
        return jdbc.sql("""
                select c.code, c.name, c.name_en, c.kind, c.district_code as parent, c.active,
                       (select count(*) from village v where v.commune_code = c.code and v.active) as children
                from commune c where c.code = ?""").param(code).query(UNIT).optional();
    }

    public AdminUnit commune(String code) {
        return findCommune(code).orElseThrow(() -> new NotFoundException(messages.get("geography.commune.notFound", code)));
    }

    /** Full place name for display: "Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội". */
    public String placeName(String communeCode) {
        return jdbc.sql("""
                select c.name || ', ' || d.name || ', ' || p.name from commune c
                join district d on d.code = c.district_code join province p on p.code = d.province_code
                where c.code = ?""").param(communeCode).query(String.class).optional().orElse(communeCode);
    }

    public List<Village> villages(String communeCode) {
        return jdbc.sql("select * from village where commune_code = ? order by active desc, name")
                .param(communeCode).query(VILLAGE).list();
    }

    public Optional<Village> village(long id) {
        return jdbc.sql("select * from village where id = ?").param(id).query(VILLAGE).optional();
    }

    /** Adds a village to a commune; the same name (ignoring accents and case) twice is refused. */
    public Village addVillage(String communeCode, String name, String kind) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) throw new InvalidInputException("name", messages.get("geography.village.nameRequired"));
        AdminUnit commune = findCommune(communeCode).filter(AdminUnit::active)
                .orElseThrow(() -> new InvalidInputException("communeCode", messages.get("geography.village.communeUnknown", communeCode)));
        VillageKind villageKind = VillageKind.parse(kind);
        if (villageKind == null) throw new InvalidInputException("kind", messages.get("geography.village.kindUnknown", kind));
        Long id = jdbc.sql("""
                insert into village (commune_code, name, kind) values (?, ?, ?)
                on conflict (commune_code, fold_text(name)) do nothing returning id""")
                .params(commune.code(), n, villageKind.name()).query(Long.class).optional()
                .orElseThrow(() -> new InvalidInputException("name", messages.get("geography.village.exists", n)));
        return village(id).orElseThrow();
    }

    /** Codes of the communes of a district (active or not: old records keep their codes). */
    public List<String> communeCodes(String districtCode) {
        return jdbc.sql("select code from commune where district_code = ?").param(districtCode).query(String.class).list();
    }

    /** Codes of the communes inside the given provinces or districts (level PROVINCE or DISTRICT) or the communes themselves. */
    public java.util.Set<String> communeCodesWithin(String level, java.util.Collection<String> codes) {
        String[] c = codes.toArray(String[]::new);
        String sql = switch (level) {
            case "PROVINCE" -> "select c.code from commune c join district d on d.code = c.district_code where d.province_code = any(?)";
            case "DISTRICT" -> "select code from commune where district_code = any(?)";
            case "COMMUNE" -> "select code from commune where code = any(?)";
            default -> throw new IllegalArgumentException("Not a level of communes: " + level);
        };
        return new java.util.HashSet<>(jdbc.sql(sql).param(c).query(String.class).list());
    }

    /** Whether each code names a unit of that level. */
    public boolean unitsExist(String level, java.util.Collection<String> codes) {
        String table = switch (level) {
            case "PROVINCE" -> "province";
            case "DISTRICT" -> "district";
            case "COMMUNE" -> "commune";
            default -> throw new IllegalArgumentException(level);
        };
        return jdbc.sql("select count(*) from " + table + " where code = any(?)").param(codes.toArray(String[]::new))
                .query(Long.class).single() == codes.stream().distinct().count();
    }

    public java.util.Set<String> activeCommuneCodes() {
        return new java.util.HashSet<>(jdbc.sql("select code from commune where active").query(String.class).list());
    }

    /** Names of the given communes, for lists that show where each person lives. */
    public java.util.Map<String, String> communeNames(java.util.Collection<String> codes) {
        if (codes.isEmpty()) return java.util.Map.of();
        java.util.Map<String, String> names = new java.util.HashMap<>();
        jdbc.sql("select code, name from commune where code = any(?)").param(codes.toArray(String[]::new))
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    /** Every active village (for bulk imports that name villages). */
    public List<Village> activeVillages() {
        return jdbc.sql("select * from village where active").query(VILLAGE).list();
    }

    /** Summary of what is loaded, for the home page. */
    public record Totals(long provinces, long districts, long communes, long villages) {
    }

    public Totals totals() {
        return jdbc.sql("""
                select (select count(*) from province where active), (select count(*) from district where active),
                       (select count(*) from commune where active), (select count(*) from village where active)""")
                .query((rs, i) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }
}
