package vn.phaodai.cases;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.cases.decisions.CaseFacts;
import vn.phaodai.cases.decisions.DecisionDocument;
import vn.phaodai.cases.decisions.DecisionRegister;
import vn.phaodai.decisions.OfficialDocuments;
import vn.phaodai.geography.AdminUnit;
import vn.phaodai.geography.Geography;
import vn.phaodai.geography.Village;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Official decisions for confirmed cases: isolation (cách ly y tế, điều trị) and its end, numbered per
 * issuing commune and year, printed as PDF in the administrative form of Nghị định 30/2020/NĐ-CP.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class Decisions {

    public enum Kind { ISOLATION, END_OF_ISOLATION }

    /** An issued decision: its number is "{number}/QĐ-UBND" of the commune and year. */
    public record Decision(long id, long caseId, Kind kind, String communeCode, int year, int number, LocalDate issuedOn,
                           String issuedBy) {
        public String numberText() {
            return number + "/QĐ-UBND";
        }
    }

    /** A printable file: the PDF and the name it is offered under. */
    public record DecisionFile(String fileName, byte[] content) {
    }

    private final DecisionRegister register;
    private final OfficialDocuments documents;
    private final Geography geography;
    private final String signatory;
    private final Messages messages;

    Decisions(DecisionRegister register, OfficialDocuments documents, Geography geography,
              @Value("${phaodai.decisions.signatory:}") String signatory, Messages messages) {
        this.messages = messages;
        this.register = register;
        this.documents = documents;
        this.geography = geography;
        this.signatory = signatory.isBlank() ? null : signatory.strip();
    }

    /** Issues the case's decision of that kind, or returns the one already issued (same number). */
    @Transactional
    public Decision issue(long caseId, Kind kind) {
        return register.issue(caseId, kind).decision();
    }

    /**
     * The decision as PDF, issued first if needed (a POST: issuing takes the commune's next number);
     * rendered after the numbering transaction has committed.
     */
    public DecisionFile pdf(long caseId, Kind kind) {
        return file(register.issue(caseId, kind), kind);
    }

    /** The decision already issued, as PDF (a GET: never issues); 404 while none has been. */
    public DecisionFile issuedPdf(long caseId, Kind kind) {
        return file(register.issued(caseId, kind).orElseThrow(() -> new NotFoundException(messages.get(
                kind == Kind.ISOLATION ? "cases.decision.isolation.notIssued" : "cases.decision.endOfIsolation.notIssued",
                String.valueOf(caseId)))), kind);
    }

    private DecisionFile file(DecisionRegister.Issued issued, Kind kind) {
        Decision d = issued.decision();
        String name = (kind == Kind.ISOLATION ? "QD-cach-ly-" : "QD-ket-thuc-cach-ly-") + d.number() + "-" + d.year() + ".pdf";
        return new DecisionFile(name, render(List.of(document(issued))));
    }

    /** Isolation decisions of every case of the commune confirmed that day, in one PDF, a page each. */
    public DecisionFile batch(String communeCode, LocalDate confirmedOn) {
        List<DecisionRegister.Issued> issued = register.issueAll(communeCode, confirmedOn);
        String name = "QD-cach-ly-" + communeCode + "-" + confirmedOn.format(DateTimeFormatter.BASIC_ISO_DATE) + ".pdf";
        return new DecisionFile(name, render(issued.stream().map(this::document).toList()));
    }

    private byte[] render(List<DecisionDocument> decisions) {
        return documents.pdf("cases/decision", Map.of("decisions", decisions));
    }

    private DecisionDocument document(DecisionRegister.Issued issued) {
        CaseFacts c = issued.facts();
        AdminUnit commune = geography.commune(issued.decision().communeCode());
        AdminUnit district = geography.district(commune.parentCode());
        String village = c.personVillageId() == null ? null : geography.village(c.personVillageId()).map(Village::name).orElse(null);
        String residence = geography.placeName(c.personCommune());
        return DecisionDocument.of(issued.decision(), c, commune, district, village, residence,
                register.homeCareRule(c.confirmedOn()).orElse(null), signatory);
    }
}
