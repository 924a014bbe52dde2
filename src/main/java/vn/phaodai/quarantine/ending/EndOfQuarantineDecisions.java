package vn.phaodai.quarantine.ending;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.phaodai.decisions.OfficialDocuments;
import vn.phaodai.geography.Geography;
import vn.phaodai.geography.Village;
import vn.phaodai.quarantine.stays.Stays.DecisionFile;
import vn.phaodai.quarantine.stays.Stays.Stay;
import vn.phaodai.quarantine.stays.Stays;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static vn.phaodai.quarantine.stays.Stays.DAY;

/** The end-of-quarantine decision of a released stay: numbered in the commune's register, printed in the official form. */
@Service
public class EndOfQuarantineDecisions {

    private final JdbcClient jdbc;
    private final Stays stays;
    private final OfficialDocuments documents;
    private final Geography geography;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Messages messages;

    EndOfQuarantineDecisions(JdbcClient jdbc, Stays stays, OfficialDocuments documents, Geography geography, AuditLog audit,
                             PlatformTransactionManager transactions, Messages messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.stays = stays;
        this.documents = documents;
        this.geography = geography;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * The end-of-quarantine decision of a released stay as PDF. {@code issue}: issued with the next number of
     * the commune's register if it has none yet (QUARANTINE_WRITE; a POST only, never a link); otherwise an issued
     * decision printed again (QUARANTINE_READ), and 404 while there is none.
     */
    public DecisionFile decision(long id, boolean issue) {
        PhaodaiUser user = CurrentUser.require(Right.QUARANTINE_READ);
        Stay s = transaction.execute(t -> {
            Stay stay = stays.find(id, user).orElseThrow(() -> stays.notFound(id));
            if (!"RELEASED".equals(stay.status())) {
                throw new ConflictException(messages.get("quarantine.decision.notReleased", stays.statusLabel(stay.status())), null, Map.of("stayStatus", stay.status()));
            }
            if (stay.decisionNumber() != null) {
                audit.record("VIEW_DECISION", "quarantine_stay", id, stay.personId(), Map.of("number", stay.decisionNumber()));
                return stay;
            }
            if (!issue) throw new NotFoundException(messages.get("quarantine.decision.notIssued", String.valueOf(id)));
            CurrentUser.require(Right.QUARANTINE_WRITE);
            jdbc.sql("select id from quarantine_stay where id = ? for update").param(id).query(Long.class).single();
            Stay locked = stays.find(id, user).orElseThrow();
            if (locked.decisionNumber() != null) return locked;
            LocalDate today = stays.today();
            int number = documents.nextNumber(locked.communeCode(), today.getYear());
            jdbc.sql("""
                    update quarantine_stay set decision_commune = commune_code, decision_year = :year, decision_number = :number,
                        decision_issued_on = :today, decision_issued_by = :user where id = :id""")
                    .param("year", today.getYear()).param("number", number).param("today", today)
                    .param("user", user.username()).param("id", id).update();
            audit.record("ISSUE_DECISION", "quarantine_stay", id, locked.personId(), Map.of("number", number));
            return stays.find(id, user).orElseThrow();
        });
        int number = Integer.parseInt(s.decisionNumber().substring(0, s.decisionNumber().indexOf('/')));
        byte[] pdf = documents.pdf(List.of(document(s, number)));
        return new DecisionFile("QD-ket-thuc-cach-ly-y-te-" + number + "-" + s.decisionIssuedOn().getYear() + ".pdf", pdf);
    }

    /**
     * The decision's own words: the official Vietnamese wording of a commune's decision (Nghị định 30/2020/NĐ-CP),
     * the same whatever the user's language, so they stay here rather than in the message bundles.
     */
    private OfficialDocuments.Decision document(Stay s, int number) {
        var person = jdbc.sql("""
                select full_name, sex, date_of_birth, birth_year, national_id, address, commune_code, village_id
                from person_card where id = ?""").param(s.personId()).query((rs, i) -> Map.<String, Object>of(
                "name", rs.getString("full_name"), "sex", rs.getString("sex"),
                "birth", rs.getObject("date_of_birth") != null ? "Ngày sinh: " + rs.getObject("date_of_birth", LocalDate.class).format(DAY)
                        : "Năm sinh: " + rs.getInt("birth_year"),
                "nationalId", String.valueOf(rs.getString("national_id")), "address", String.valueOf(rs.getString("address")),
                "commune", rs.getString("commune_code"), "village", rs.getObject("village_id") == null ? 0L : rs.getLong("village_id")))
                .single();
        String name = (String) person.get("name");
        String honorific = "MALE".equals(person.get("sex")) ? "Ông" : "Bà";
        StringBuilder residence = new StringBuilder();
        if (!"null".equals(person.get("address")) && !((String) person.get("address")).isBlank()) {
            residence.append(((String) person.get("address")).strip()).append(", ");
        }
        long village = (Long) person.get("village");
        if (village != 0) geography.village(village).map(Village::name).ifPresent(v -> residence.append(v).append(", "));
        residence.append(geography.placeName((String) person.get("commune")));
        String place = s.home() ? "tại nhà" : "tại " + s.facilityName();
        String inText = documents.communeInText(s.communeCode());
        String document = s.policyDocument().replace("[check]", "").strip();
        List<String> identity = new ArrayList<>();
        identity.add("Họ và tên: " + name + "; giới tính: " + ("MALE".equals(person.get("sex")) ? "Nam" : "Nữ"));
        identity.add(person.get("birth") + ("null".equals(person.get("nationalId")) ? "" : "; số CCCD/CMND: " + person.get("nationalId")));
        identity.add("Nơi cư trú: " + residence);
        identity.add("Nơi cách ly: " + (s.home() ? "tại nhà (nơi cư trú nêu trên)" : s.facilityName()));
        identity.add("Thời gian cách ly: từ ngày " + s.start().format(DAY) + " đến ngày " + s.end().format(DAY)
                + "; đã hoàn thành thời gian cách ly y tế theo quy định.");
        String after;
        if (s.homeMonitoringUntil() != null) {
            after = "tiếp tục theo dõi sức khỏe tại nhà đến hết ngày " + s.homeMonitoringUntil().format(DAY);
        } else if (s.selfMonitoringUntil() != null) {
            after = "tiếp tục tự theo dõi sức khỏe đến hết ngày " + s.selfMonitoringUntil().format(DAY);
        } else {
            after = "tiếp tục tự theo dõi sức khỏe";
        }
        List<OfficialDocuments.Article> articles = List.of(
                new OfficialDocuments.Article("Kết thúc cách ly y tế " + place + " đối với:", identity),
                new OfficialDocuments.Article("Sau khi kết thúc cách ly, " + honorific + " " + name + " " + after
                        + ", thực hiện thông điệp 5K; khi có dấu hiệu sốt, ho, khó thở phải báo ngay cho Trạm Y tế " + inText + ".", List.of()),
                new OfficialDocuments.Article("Quyết định này có hiệu lực kể từ ngày ký. Công chức Văn phòng - Thống kê, Trạm trưởng Trạm Y tế "
                        + inText + ", Trưởng Công an " + inText + ", " + honorific + " " + name
                        + " và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.", List.of()));
        return new OfficialDocuments.Decision(OfficialDocuments.Kind.END_OF_QUARANTINE, s.communeCode(), number,
                s.decisionIssuedOn(), "Về việc kết thúc cách ly y tế " + place,
                List.of("văn bản " + document + " của Bộ Y tế hướng dẫn cách ly y tế phòng, chống dịch COVID-19"), articles);
    }
}
