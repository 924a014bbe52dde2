package vn.phaodai.demo;

import vn.phaodai.vaccination.imports.SyntheticDoses;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.geography.AdminUnit;
import vn.phaodai.geography.Geography;
import vn.phaodai.geography.GeographyImporter;
import vn.phaodai.geography.UnitKind;
import vn.phaodai.jobs.Job;
import vn.phaodai.population.Households;
import vn.phaodai.population.PersonImport;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.testing.LabResults;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds a province that looks real, through the same services and imports that users use: the
 * geography (a real province of the imported GSO list, or the demo province 99 "Tỉnh Mẫu"), villages,
 * enterprises of realistic sizes, and the residents as a person import file.
 */
@Service
public class SyntheticProvince {

    private static final Logger log = LoggerFactory.getLogger(SyntheticProvince.class);
    /** A code the GSO does not use. */
    public static final String DEMO_PROVINCE = "99";
    /** Ages are counted on this day (the time of the seeds), so that a seed gives the same province every year. */
    static final LocalDate REFERENCE = LocalDate.of(2021, 6, 1);
    /** Without an outbreak, the province's doses run through the end of the campaign's second year. */
    static final LocalDate DOSES_UNTIL = LocalDate.of(2022, 12, 31);

    /** What to build. */
    public record Options(int persons, long seed, String provinceCode, int days) {
    }

    /** What was built, with the import's own result. */
    public record Result(String provinceCode, int communes, int villages, int enterprises, int persons, int households,
                         long generateMs, long importMs, String importResult, String note) {
    }

    private final Geography geography;
    private final GeographyImporter geographyImporter;
    private final Households households;
    private final PersonImport personImport;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final LabResults labResults;
    private final Messages messages;
    private final SyntheticDoses doses;

    SyntheticProvince(Geography geography, GeographyImporter geographyImporter, Households households, PersonImport personImport,
                      JdbcClient jdbc, JsonMapper json, LabResults labResults, Messages messages, SyntheticDoses doses) {
        this.doses = doses;
        this.messages = messages;
        this.labResults = labResults;
        this.geography = geography;
        this.geographyImporter = geographyImporter;
        this.households = households;
        this.personImport = personImport;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A province's residents written out, ready for the person import, with the places they were written for. */
    public record Prepared(String provinceCode, Path file, int communes, int villages, int enterprises,
                           PopulationSynthesizer.Stats stats, long generateMs) {
    }

    /** Builds the province; the caller acts as the system user (command line, start-up) or an administrator. */
    public Result build(Options o) {
        Prepared p = prepare(o);
        try {
            long start = System.nanoTime();
            Job job = personImport.runNow(p.file(), "tinh-mau-" + p.provinceCode() + "-" + o.seed() + ".csv", "generator", false);
            long imported = (System.nanoTime() - start) / 1_000_000;
            if (!"DONE".equals(job.status())) throw new IllegalStateException("Import failed: " + job.error());
            jdbc.sql("insert into demo_load (province_code, persons, seed) values (?, ?, ?)")
                    .params(p.provinceCode(), p.stats().persons(), o.seed()).update();
            // Doses up to the day the demo lives on (the outbreak's last), else through 2022: none in the future.
            LocalDate dosesUntil = o.days() > 0 ? LabResultFile.FIRST_DAY.plusDays(o.days() - 1) : DOSES_UNTIL;
            SyntheticDoses.Result vaccinated = doses.write(p.provinceCode(), o.seed(), dosesUntil);
            String note = "Doses until " + dosesUntil + ": " + vaccinated.doses() + " in " + vaccinated.ms() + " ms";
            if (o.days() > 0) {
                note += "; outbreak over " + o.days() + " days: " + outbreak(p.provinceCode(), p.stats().persons(), o)
                        + ". Contacts and quarantine wait for the tracing capability.";
            }
            log.info("Synthetic province {}: {} persons in {} households, generated in {} ms, imported in {} ms",
                    p.provinceCode(), p.stats().persons(), p.stats().households(), p.generateMs(), imported);
            return new Result(p.provinceCode(), p.communes(), p.villages(), p.enterprises(), p.stats().persons(),
                    p.stats().households(), p.generateMs(), imported, job.result(), note);
        } finally {
            try {
                Files.deleteIfExists(p.file());
            } catch (IOException ignored) {
                // a temp file
            }
        }
    }

    /** One screening round's laboratory results over the province's residents; positives become cases. */
    private String outbreak(String provinceCode, int persons, Options o) {
        long[] ids = jdbc.sql("""
                select p.id from person_card p join commune_card c on c.code = p.commune_code
                where c.province_code = ? order by p.id""").param(provinceCode).query(Long.class).list().stream()
                .mapToLong(Long::longValue).toArray();
        Path file = LabResultFile.write(ids, persons, o.seed(), o.days());
        try {
            Job job = labResults.importNow(file, "ket-qua-xet-nghiem-mau.csv", "generator");
            if (!"DONE".equals(job.status())) throw new IllegalStateException("Lab result import failed: " + job.error());
            return "laboratory results " + job.result();
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file
            }
        }
    }

    /** The geography, villages and enterprises in the database, and the residents in a file (the caller deletes it). */
    public Prepared prepare(Options o) {
        if (o.persons() < 1 || o.persons() > 20_000_000) throw new InvalidInputException("persons", messages.get("demo.persons.range"));
        SplittableRandom random = new SplittableRandom(o.seed());
        try {
            String province = o.provinceCode() == null ? DEMO_PROVINCE : o.provinceCode();
            if (province.equals(DEMO_PROVINCE)) demoGeography(o.persons());
            else geography.province(province);
            List<PopulationSynthesizer.Place> places = villages(province, random);
            List<PopulationSynthesizer.Employer> employers = enterprises(province, places, o.persons(), random);
            Path file = Files.createTempFile("phaodai-synthetic", ".csv");
            boolean written = false;
            try {
                long start = System.nanoTime();
                List<String> birthProvinces = province.equals(DEMO_PROVINCE) ? List.of() : List.of(province, "01", "79", "40", "38", "44");
                PopulationSynthesizer.Stats stats;
                try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    stats = new PopulationSynthesizer(o.seed(), REFERENCE, places, employers, birthProvinces).write(o.persons(), out);
                }
                written = true;
                return new Prepared(province, file, places.size(), places.stream().mapToInt(p -> p.villages().size()).sum(),
                        employers.size(), stats, (System.nanoTime() - start) / 1_000_000);
            } finally {
                if (!written) Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the registry holds anyone: the demo is loaded only into an empty one. */
    public boolean registryHasPersons() {
        return jdbc.sql("select exists (select 1 from person_card)").query(Boolean.class).single();
    }

    /** Whether a synthetic province has been loaded (the UI marks its data as demo data). */
    public boolean loaded() {
        return jdbc.sql("select count(*) from demo_load").query(Long.class).single() > 0;
    }

    /**
     * Province 99 "Tỉnh Mẫu": about one commune per 6,000 residents, a dozen per district, imported as a
     * partial GSO list so that it lives beside the official units.
     */
    private void demoGeography(int persons) throws IOException {
        int communes = Math.max(6, Math.min(999, persons / 6000));
        int districts = Math.max(1, Math.min(9, (communes + 11) / 12));
        StringBuilder csv = new StringBuilder("Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh\n");
        for (int c = 0; c < communes; c++) {
            int d = c % districts;
            String district = d == 0 ? "Thành phố Mẫu" : "Huyện Mẫu " + d;
            String level = d == 0 ? "Phường" : (c / districts == 0 ? "Thị trấn" : "Xã");
            csv.append("Tỉnh Mẫu,99,").append(district).append(",99").append(d).append(',')
                    .append(level).append(" Mẫu ").append(c + 1).append(',').append(String.format("99%03d", c + 1)).append(',')
                    .append(level).append(",\n");
        }
        Path file = Files.createTempFile("phaodai-tinh-mau", ".csv");
        try {
            Files.writeString(file, csv);
            var summary = geographyImporter.importList(file, "tinh-mau.csv", "generator", false, true);
            if (!summary.applied()) throw new IllegalStateException("The demo geography was refused: " + summary.rejected());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Each commune keeps its villages; one with none gets 4–12 (thôn, or tổ dân phố in wards). */
    private List<PopulationSynthesizer.Place> villages(String province, SplittableRandom random) {
        List<PopulationSynthesizer.Place> places = new ArrayList<>();
        for (AdminUnit district : geography.districts(province)) {
            for (AdminUnit commune : geography.communes(district.code())) {
                if (!commune.active()) continue;
                int n = 4 + random.nextInt(9); // drawn for every commune, so that a re-run draws the same
                if (activeVillages(commune.code()).isEmpty()) {
                    boolean ward = commune.kind() == UnitKind.WARD;
                    for (int i = 1; i <= n; i++) {
                        geography.addVillage(commune.code(), (ward ? "Tổ dân phố " : "Thôn ") + i, ward ? "TO_DAN_PHO" : "THON");
                    }
                }
                places.add(new PopulationSynthesizer.Place(commune.code(), activeVillages(commune.code())));
            }
        }
        if (places.isEmpty()) throw new InvalidInputException("province", messages.get("demo.province.noCommunes", province));
        return places;
    }

    /** A commune's active villages in the one order the database gives them (by name), fresh or not. */
    private List<String> activeVillages(String communeCode) {
        return geography.villages(communeCode).stream().filter(v -> v.active()).map(v -> v.name()).toList();
    }

    /**
     * One enterprise per 250 residents, sized like a province's firms: most have 10–50 workers, one in ten
     * a few hundred, one in fifty thousands (those in industrial parks).
     */
    private List<PopulationSynthesizer.Employer> enterprises(String province, List<PopulationSynthesizer.Place> places, int persons,
                                                             SplittableRandom random) {
        int count = Math.max(5, persons / 250);
        List<PopulationSynthesizer.Employer> employers = new ArrayList<>(count);
        String prefix = String.format("%02d", Integer.parseInt(province) % 100);
        Map<String, Long> existing = new java.util.HashMap<>();
        jdbc.sql("select tax_code, id from enterprise_card where tax_code like ?").param(prefix + "%")
                .query(rs -> {
                    existing.put(rs.getString(1), rs.getLong(2));
                });
        for (int i = 0; i < count; i++) {
            int roll = random.nextInt(100);
            int workers = roll < 2 ? 1000 + random.nextInt(4000) : roll < 12 ? 100 + random.nextInt(400) : 10 + random.nextInt(41);
            String tax = prefix + String.format("%08d", i + 1);
            String park = workers >= 1000 ? Census.INDUSTRIAL_PARKS[random.nextInt(Census.INDUSTRIAL_PARKS.length)] : null;
            String commune = places.get(random.nextInt(places.size())).communeCode();
            if (!existing.containsKey(tax)) {
                households.createEnterprise((workers >= 1000 ? "Công ty TNHH Sản xuất " : workers >= 100 ? "Công ty CP " : "Cơ sở ")
                        + "Mẫu số " + (i + 1), tax, commune, null, park);
            }
            employers.add(new PopulationSynthesizer.Employer(tax, workers));
        }
        return employers;
    }
}
