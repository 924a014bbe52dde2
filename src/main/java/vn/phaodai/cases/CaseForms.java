package vn.phaodai.cases;

/** What officers send about a case. */
@org.springframework.modulith.NamedInterface("api")
public final class CaseForms {

    private CaseForms() {
    }

    /** A case entered by hand, with its evidence (a test done elsewhere, a hospital's paper). */
    public record NewCase(Long personId, String confirmedOn, String evidence, String source, Boolean symptomatic, String onsetDate,
                   String severity, String careSetting, String facility) {
    }

    /** The clinical and epidemiological details, changed with the version read. */
    public record Details(Integer version, String source, Boolean symptomatic, String onsetDate, java.util.List<String> comorbidities,
                   Boolean pregnant, String evidence) {
    }

    /** A move to another care setting, or a change of severity, from a time. */
    public record Transfer(String careSetting, String facility, String severity, String at, String note) {
    }

    /** The end of a case. */
    public record Outcome(String outcome, String on, String note) {
    }
}
