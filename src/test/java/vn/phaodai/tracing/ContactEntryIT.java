package vn.phaodai.tracing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.phaodai.support.CaseFixture;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;
import vn.phaodai.support.WebSession;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case's contacts entered as a form per person, several at once: each answer says what the person became under
 * the F1 definition of the day (today 1909/BYT-DP: within 1 m), and why not; a wrong value is answered at its row
 * with everything typed kept and nobody saved.
 */
@PhaodaiIT
class ContactEntryIT {

    static final String COMMUNE = "18073";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi api;
    WebSession web;
    long caseId;
    String page;

    @BeforeEach
    void aCase() throws Exception {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        jdbc.sql("truncate cluster_case, cluster, follow_up restart identity cascade").update();
        web = WebSession.admin(port);
        caseId = new CaseFixture(api, jdbc).freshCase(COMMUNE, null, TODAY.minusDays(2));
        page = "/cases/" + caseId + "/contacts";
    }

    private String row(int i, String name, String year, String sex, String phone, String proximity, String lastDate) {
        String p = "rows[" + i + "].";
        return "&" + WebSession.encode(p + "fullName") + "=" + WebSession.encode(name) + "&" + WebSession.encode(p + "birthYear") + "="
                + WebSession.encode(year) + "&" + WebSession.encode(p + "sex") + "=" + sex + "&" + WebSession.encode(p + "phone") + "="
                + WebSession.encode(phone) + "&" + WebSession.encode(p + "proximity") + "=" + proximity + "&"
                + WebSession.encode(p + "lastContactDate") + "=" + lastDate + "&" + WebSession.encode(p + "minutes") + "=";
    }

    private long persons(String name) {
        return jdbc.sql("select count(*) from person where full_name = ?").param(name).query(Long.class).single();
    }

    @Test
    void twoPersonsAtOnceEachToldWhatTheyBecameAndWhyNot() throws Exception {
        assertThat(web.get(page).body()).contains("Thêm người tiếp xúc: mỗi người một ô", "Người thứ 3", "Nhập nhanh người tiếp xúc");
        String yesterday = TODAY.minusDays(1).toString();
        var sent = web.post(page + "/persons", "setting=HOUSEHOLD&firstContactDate="
                + row(0, "Lương Văn Gần", "1985", "MALE", "0913 111 222", "PHYSICAL", yesterday)
                + row(1, "Lương Thị Xa", "1990", "FEMALE", "0913 333 444", "WITHIN_2M", yesterday)
                + row(2, "", "", "", "", "", yesterday) // an empty box, left out
                + "&_csrf=" + web.csrf(page));
        assertThat(sent.statusCode()).isEqualTo(302);
        String answer = web.get(page).body();
        Matcher entered = Pattern.compile("id=\"entered\".*?</ul>", Pattern.DOTALL).matcher(answer);
        assertThat(entered.find()).as(answer).isTrue();
        String told = entered.group().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        assertThat(told).contains("Là F1 Lương Văn Gần (Người mới)")
                .contains("Không phải F1 Lương Thị Xa (Người mới) Lương Thị Xa không phải F1 của ca này vì: Tiếp xúc trong vòng 2 m không đủ: "
                        + "theo 1909/BYT-DP (15/4/2022), F1 là tiếp xúc gần trong vòng 1 m")
                .contains("Định nghĩa áp dụng: 1909/BYT-DP (15/4/2022)");
        assertThat(jdbc.sql("""
                        select p.full_name from person_tier t join person p on p.id = t.person_id where t.root_case_id = ? and t.tier = 1""")
                .param(caseId).query(String.class).list()).containsExactly("Lương Văn Gần");
        // The second was recorded as a contact all the same: the officer's entry is kept, the tier is derived.
        assertThat(jdbc.sql("select count(*) from contact k join person p on p.id = k.exposed_person_id where p.full_name = 'Lương Thị Xa'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theApiAnswersEachPersonWithTheCriterionNotMetInTheUsersLanguage() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("setting", "WORKPLACE");
        entry.put("rows", List.of(
                Map.of("fullName", "Mạc Văn Khẩu", "birthYear", "1979", "sex", "MALE", "proximity", "WITHIN_1M", "masked", true,
                        "minutes", "10", "lastContactDate", TODAY.minusDays(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))),
                Map.of("fullName", "Mạc Thị Lâu", "birthYear", "1981", "sex", "FEMALE", "proximity", "WITHIN_1M", "masked", true,
                        "minutes", "40", "lastContactDate", TODAY.minusDays(1).toString())));
        var r = api.post("/api/v1/cases/" + caseId + "/contacts/persons?lang=en", entry);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode shortOne = r.body().get(0);
        assertThat(shortOne.get("became").asString()).isEqualTo("NONE");
        assertThat(shortOne.get("why").asString())
                .isEqualTo("Masked, 10 minutes of contact: under 1909/BYT-DP (15/4/2022), a masked contact makes an F1 only from 15 minutes");
        JsonNode longOne = r.body().get(1);
        assertThat(longOne.get("became").asString()).isEqualTo("F1");
        assertThat(longOne.get("why").isNull()).isTrue();
        assertThat(longOne.get("document").asString()).isEqualTo("1909/BYT-DP (15/4/2022)");
        assertThat(api.get("/api/v1/persons/" + longOne.get("personId").asLong() + "/tier").body().get("tier").asString()).isEqualTo("F1");

        // The quick line entry, kept for the callers that use it, answers the same way.
        var lines = api.post("/api/v1/cases/" + caseId + "/contacts", Map.of("details", Map.of("exposureDate", TODAY.minusDays(1).toString(),
                "proximity", "WITHIN_2M"), "lines", List.of(Map.of("fullName", "Mạc Văn Dòng", "birthYear", 1975, "sex", "Nam"))));
        assertThat(lines.status()).as(lines.text()).isEqualTo(200);
        assertThat(lines.body().get(0).get("status").asString()).isEqualTo("NEW_PERSON");
        assertThat(lines.body().get(0).get("became").asString()).isEqualTo("NONE");
        assertThat(lines.body().get(0).get("why").asString()).startsWith("Tiếp xúc trong vòng 2 m không đủ: theo 1909/BYT-DP (15/4/2022)");

        // A bad row through the API: 400 naming the row's field, nothing written.
        var bad = api.post("/api/v1/cases/" + caseId + "/contacts/persons", Map.of("rows", List.of(
                Map.of("fullName", "Mạc Văn Đúng", "birthYear", "1970", "sex", "MALE", "proximity", "PHYSICAL", "lastContactDate", TODAY.toString()),
                Map.of("fullName", "Mạc Văn Sai", "birthYear", "năm 90", "sex", "MALE", "proximity", "PHYSICAL", "lastContactDate", TODAY.toString()))));
        assertThat(bad.status()).as(bad.text()).isEqualTo(400);
        assertThat(bad.text()).contains("rows[1].birthYear", "Năm sinh phải là số có 4 chữ số, ví dụ 1990 (đã nhập: năm 90)")
                .doesNotContain("rows[0]");
        assertThat(persons("Mạc Văn Đúng")).isZero();
    }

    @Test
    void aBadRowIsAnsweredAtItsRowWithEverythingTypedKeptAndNobodySaved() throws Exception {
        var sent = web.post(page + "/persons", "setting=MARKET&place=" + WebSession.encode("Chợ Mới")
                + row(0, "Vũ Văn Đúng", "1980", "MALE", "0913 555 666", "PHYSICAL", TODAY.toString())
                + row(1, "Vũ Thị Sai", "năm 90", "FEMALE", "0913 777 888", "WITHIN_1M", TODAY.toString())
                + "&_csrf=" + web.csrf(page));
        assertThat(sent.statusCode()).isEqualTo(302);
        String form = web.get(page).body();
        assertThat(form).contains("Chưa lưu người nào: sửa các ô được đánh dấu đỏ");
        // The message stands at the second row's birth year, right after the field that holds what was typed.
        assertThat(form).containsPattern("class=\"form-control is-invalid\" id=\"r1-birthYear\" name=\"rows\\[1\\]\\.birthYear\" value=\"năm 90\"[^>]*>\\s*"
                + "<div class=\"invalid-feedback\">Năm sinh phải là số có 4 chữ số, ví dụ 1990 \\(đã nhập: năm 90\\)</div>");
        assertThat(form).containsPattern("class=\"form-control\" id=\"r0-birthYear\" name=\"rows\\[0\\]\\.birthYear\" value=\"1980\"[^>]*>\\s*<div class=\"invalid-feedback\"></div>");
        assertThat(form).contains("value=\"Vũ Văn Đúng\"", "value=\"Vũ Thị Sai\"", "value=\"0913 777 888\"", "value=\"Chợ Mới\"")
                .containsPattern("<option value=\"WITHIN_1M\" selected=\"selected\">")
                .containsPattern("<option value=\"MARKET\" selected=\"selected\">");
        // All or nothing: the good row's person is not created either.
        assertThat(persons("Vũ Văn Đúng")).isZero();
        assertThat(persons("Vũ Thị Sai")).isZero();
        assertThat(jdbc.sql("select count(*) from contact k join case_card c on c.person_id = k.source_person_id where c.id = ?")
                .param(caseId).query(Long.class).single()).isZero();

        // "Add persons" without script: the form comes back with three more empty boxes and what was typed, nothing saved.
        var more = web.post(page + "/persons", "addRows=3&setting=MARKET" + row(0, "Vũ Văn Đúng", "1980", "MALE", "", "PHYSICAL", TODAY.toString())
                + "&_csrf=" + web.csrf(page));
        assertThat(more.statusCode()).isEqualTo(302);
        String four = web.get(page).body();
        assertThat(four).contains("Người thứ 4", "value=\"Vũ Văn Đúng\"").doesNotContain("Người thứ 5", "Chưa lưu người nào");
        assertThat(persons("Vũ Văn Đúng")).isZero();
    }
}
