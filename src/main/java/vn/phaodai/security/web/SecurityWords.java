package vn.phaodai.security.web;

import org.springframework.context.NoSuchMessageException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.geography.AdminUnit;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.accounts.UserAdministration;
import vn.phaodai.geography.Geography;
import vn.phaodai.shared.Display;
import vn.phaodai.shared.Messages;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users' pages and the audit trail in words (templates call it as {@code @securityWords}): a role by its name,
 * a jurisdiction by its places, an audit entry as a sentence ("Nguyễn Văn A xem danh sách ca bệnh (12 người)").
 * The phrases are message keys audit.do.&lt;ACTION&gt; and audit.what.&lt;entity&gt;.
 */
@Component("securityWords")
class SecurityWords {

    private final JdbcClient jdbc;
    private final Geography geography;
    private final Messages messages;
    private final JsonMapper json;

    SecurityWords(JdbcClient jdbc, Geography geography, Messages messages, JsonMapper json) {
        this.jdbc = jdbc;
        this.geography = geography;
        this.messages = messages;
        this.json = json;
    }

    /** The roles' names in the user's language, in the order given. */
    public String roles(Collection<String> codes) {
        Map<String, String> names = roleNames();
        List<String> out = new ArrayList<>();
        for (String c : codes) out.add(names.getOrDefault(c, c));
        return String.join(", ", out);
    }

    /** Where a user works, by the names of its places: "Phường Mẫu 5, Phường Mẫu 6"; the whole province in words. */
    public String jurisdiction(UserAdministration.Jurisdiction j) {
        String level = j.level() == null ? "" : j.level();
        List<String> codes = j.codes() == null ? List.of() : j.codes();
        if (codes.isEmpty()) return messages.get("user.scope.everything");
        List<String> names = new ArrayList<>();
        for (String code : codes) names.add(placeName(level, code));
        String kind = switch (level) {
            case "FACILITY" -> messages.get("user.level.FACILITY") + ": ";
            default -> "";
        };
        return kind + String.join("; ", names);
    }

    private String placeName(String level, String code) {
        try {
            return switch (level) {
                case "PROVINCE" -> geography.province(code).name();
                case "DISTRICT" -> geography.district(code).name();
                case "COMMUNE" -> geography.findCommune(code).map(AdminUnit::name).orElse(code);
                case "VILLAGE" -> code.matches("\\d{1,18}") ? geography.village(Long.parseLong(code))
                        .map(v -> v.name() + ", " + geography.findCommune(v.communeCode()).map(AdminUnit::name).orElse(""))
                        .orElse(code) : code;
                default -> code;
            };
        } catch (RuntimeException notThere) { // a unit removed since: its code is all there is
            return code;
        }
    }

    /** The full names of the users of these entries, by username (a user without one is named by the username). */
    public Map<String, String> names(Collection<AuditLog.Entry> entries) {
        LinkedHashSet<String> users = new LinkedHashSet<>();
        for (AuditLog.Entry e : entries) if (e.username() != null) users.add(e.username());
        Map<String, String> names = new HashMap<>();
        if (users.isEmpty()) return names;
        jdbc.sql("select username, full_name from app_user where username in (:users) and full_name is not null and full_name <> ''")
                .param("users", users).query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    /** What the entry did, as the predicate of a sentence: "xem danh sách ca bệnh (12 người)". */
    public String doing(AuditLog.Entry e) {
        String thing = text("audit.what." + e.entity()).orElse(messages.get("audit.what.other"));
        String id = "role".equals(e.entity()) && e.entityId() != null ? roleNames().getOrDefault(e.entityId(), e.entityId()) : e.entityId();
        String what = id != null && !"LIST".equals(e.action()) ? messages.get("audit.numbered", thing, id) : thing;
        String phrase = text("audit.do." + e.action(), what).orElseGet(() -> messages.get("audit.do.other", what));
        JsonNode details = details(e.details());
        if (details != null) {
            if (details.path("persons").isArray()) {
                int n = details.path("persons").size();
                phrase += " " + messages.get("audit.persons", Display.integer(n), n); // {1}: English says person or persons
            }
            if (details.path("file").isString()) phrase += " " + messages.get("audit.file", details.path("file").asString());
        }
        return phrase;
    }

    private JsonNode details(String details) {
        if (details == null || details.isBlank()) return null;
        try {
            return json.readTree(details);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private Optional<String> text(String key, Object... args) {
        try {
            return Optional.of(messages.get(key, args));
        } catch (NoSuchMessageException missing) {
            return Optional.empty();
        }
    }

    private Map<String, String> roleNames() {
        boolean english = "en".equals(Messages.locale().getLanguage());
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select code, name_vi, name_en from role").query(rs -> {
            String en = rs.getString(3);
            names.put(rs.getString(1), english && en != null ? en : rs.getString(2));
        });
        return names;
    }
}
