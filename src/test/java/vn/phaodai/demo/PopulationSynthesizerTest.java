package vn.phaodai.demo;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The synthetic population against the census shares it is drawn from, with stated tolerances. */
class PopulationSynthesizerTest {

    static final int PERSONS = 20_000;
    static final List<PopulationSynthesizer.Place> PLACES = List.of(
            new PopulationSynthesizer.Place("18073", List.of("Tổ dân phố 1", "Tổ dân phố 2")),
            new PopulationSynthesizer.Place("18076", List.of("Thôn 1", "Thôn 2", "Thôn 3")));
    static final List<PopulationSynthesizer.Employer> EMPLOYERS = List.of(
            new PopulationSynthesizer.Employer("4200000001", 3000), new PopulationSynthesizer.Employer("4200000002", 30));

    static String generate(long seed, PopulationSynthesizer.Stats[] stats) throws IOException {
        StringWriter out = new StringWriter();
        stats[0] = new PopulationSynthesizer(seed, SyntheticProvince.REFERENCE, PLACES, EMPLOYERS, List.of("42", "01")).write(PERSONS, out);
        return out.toString();
    }

    @Test
    void theSameSeedGivesTheSameProvinceAndAnotherSeedAnother() throws IOException {
        var stats = new PopulationSynthesizer.Stats[1];
        String a = generate(42, stats), b = generate(42, stats), c = generate(43, stats);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(a.lines().count()).isEqualTo(PERSONS + 1);
    }

    @Test
    void familyNamesFollowTheirNationalShareWithinOnePointFive() throws IOException {
        var stats = new PopulationSynthesizer.Stats[1];
        generate(1, stats);
        double total = 0;
        for (double s : Census.FAMILY_SHARES) total += s;
        for (String name : List.of("Nguyễn", "Trần", "Lê", "Phạm", "Phan")) {
            int i = List.of(Census.FAMILY_NAMES).indexOf(name);
            double share = 100.0 * stats[0].familyNames().getOrDefault(name, 0) / PERSONS;
            assertThat(share).as(name).isCloseTo(100 * Census.FAMILY_SHARES[i] / total, within(1.5));
        }
    }

    @Test
    void agesFollowTheCensusPyramidWithinOnePointFivePerBand() throws IOException {
        var stats = new PopulationSynthesizer.Stats[1];
        generate(2, stats);
        for (int band = 0; band < Census.AGE_BANDS.length; band++) {
            double share = 100.0 * stats[0].ageBands()[band] / PERSONS;
            assertThat(share).as("ages " + band * 5 + "+").isCloseTo(Census.AGE_BANDS[band], within(1.5));
        }
    }

    @Test
    void householdsHaveCensusSizesAndOneHeadEach() throws IOException {
        var stats = new PopulationSynthesizer.Stats[1];
        String csv = generate(3, stats);
        double mean = (double) PERSONS / stats[0].households();
        assertThat(mean).isCloseTo(3.4, within(0.15));
        double total = 0;
        for (double s : Census.HOUSEHOLD_SIZES) total += s;
        for (int size = 1; size <= Census.HOUSEHOLD_SIZES.length; size++) {
            double share = 100.0 * stats[0].householdSizes()[size - 1] / stats[0].households();
            assertThat(share).as("households of " + size).isCloseTo(100 * Census.HOUSEHOLD_SIZES[size - 1] / total, within(2.0));
        }
        long heads = csv.lines().filter(l -> l.contains(",Chủ hộ,")).count();
        assertThat(heads).isEqualTo(stats[0].households());
    }

    @Test
    void aFewPerCentAreComorbidPregnantAndMostAdultsHaveAnIdNumber() throws IOException {
        var stats = new PopulationSynthesizer.Stats[1];
        String csv = generate(4, stats);
        assertThat(100.0 * stats[0].withComorbidity() / PERSONS).isBetween(3.0, 15.0);
        assertThat(100.0 * stats[0].pregnant() / PERSONS).isBetween(0.3, 2.0);
        assertThat(100.0 * stats[0].employed() / PERSONS).isBetween(10.0, 30.0);
        long withoutId = csv.lines().skip(1).filter(l -> l.split(",", -1)[4].isEmpty()).count();
        assertThat(100.0 * withoutId / PERSONS).isLessThan(5.0);
    }
}
