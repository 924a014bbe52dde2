package vn.phaodai.cases.decisions;

import vn.phaodai.cases.Decisions.Decision;
import vn.phaodai.cases.Decisions.Kind;
import vn.phaodai.decisions.DecisionWording;
import vn.phaodai.geography.AdminUnit;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Everything printed on one decision, as text ready for the template (templates/cases/decision.html),
 * which holds the fixed wording. Names of units and dates follow Nghị định 30/2020/NĐ-CP.
 * The texts here are part of that official wording, Vietnamese in any language of the pages (never i18n/cases).
 */
public record DecisionDocument(boolean endOfIsolation, boolean atHome, String districtBody, String communeBody, String authority,
                        String number, String placeAndDate, String subject, String communeInText, String districtInText,
                        String homeCareRule, Integer isolationDays, String honorific, String fullName, String sex,
                        String birthLabel, String birth, String nationalId, String residence, String confirmedOn,
                        String place, String outcomeOn, String signatory) {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public static DecisionDocument of(Decision d, CaseFacts c, AdminUnit commune, AdminUnit district, String village,
                               String residencePlace, DecisionRegister.HomeCareRule rule, String signatory) {
        boolean atHome = "HOME".equals(c.careSetting());
        String place = atHome ? "tại nhà" : "tại " + (c.facility() != null && !c.facility().isBlank() ? c.facility().strip()
                : facilityKind(c.careSetting()));
        boolean end = d.kind() == Kind.END_OF_ISOLATION;
        String subject = (end ? "Về việc kết thúc cách ly y tế, điều trị" : "Về việc cách ly y tế, điều trị")
                + " người mắc COVID-19 (F0) " + place;
        String birthLabel = c.dateOfBirth() != null ? "Ngày sinh" : "Năm sinh";
        String birth = c.dateOfBirth() != null ? c.dateOfBirth().format(DAY)
                : c.birthYear() != null ? c.birthYear().toString() : "không rõ";
        StringBuilder residence = new StringBuilder();
        if (c.address() != null && !c.address().isBlank()) residence.append(c.address().strip()).append(", ");
        if (village != null) residence.append(village).append(", ");
        residence.append(residencePlace);
        return new DecisionDocument(end, atHome,
                district.name().toUpperCase(VI), commune.name().toUpperCase(VI),
                "CHỦ TỊCH ỦY BAN NHÂN DÂN " + commune.name().toUpperCase(VI),
                d.numberText(), DecisionWording.placeName(commune) + ", " + DecisionWording.longDate(d.issuedOn()), subject,
                DecisionWording.inText(commune), DecisionWording.inText(district),
                atHome && rule != null ? rule.document() : null, atHome && rule != null ? rule.isolationDays() : null,
                "MALE".equals(c.sex()) ? "Ông" : "FEMALE".equals(c.sex()) ? "Bà" : "Ông/Bà", c.fullName(),
                "MALE".equals(c.sex()) ? "Nam" : "FEMALE".equals(c.sex()) ? "Nữ" : null,
                birthLabel, birth, c.nationalId(), residence.toString(), c.confirmedOn().format(DAY),
                atHome ? "tại nhà (nơi cư trú nêu trên)" : place, c.outcomeOn() == null ? null : c.outcomeOn().format(DAY),
                signatory);
    }

    private static String facilityKind(String careSetting) {
        return switch (careSetting) {
            case "QUARANTINE_FACILITY" -> "khu cách ly tập trung";
            case "TREATMENT_FACILITY" -> "cơ sở thu dung, điều trị COVID-19";
            case "ICU" -> "bệnh viện (hồi sức tích cực)";
            default -> "bệnh viện";
        };
    }
}
