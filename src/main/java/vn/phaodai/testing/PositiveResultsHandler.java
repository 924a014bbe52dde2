package vn.phaodai.testing;

/**
 * Acts on results that became, or stopped being, positive (implemented by cases: testing does not depend on
 * them) and answers what it did, for the laboratory import's report. Called inside the transaction that wrote
 * the results: a batch and what the cases made of it commit or roll back together.
 */
@org.springframework.modulith.NamedInterface("api")
public interface PositiveResultsHandler {

    Handled handle(PositiveResultsChanged changed);

    /** What the handler did with the changes: cases opened, positives joined to a case already open, cases discarded. */
    record Handled(long casesCreated, long casesLinked, long casesDiscarded) {

        public static final Handled NOTHING = new Handled(0, 0, 0);

        public Handled plus(Handled other) {
            return new Handled(casesCreated + other.casesCreated, casesLinked + other.casesLinked,
                    casesDiscarded + other.casesDiscarded);
        }
    }
}
