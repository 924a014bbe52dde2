package vn.phaodai;

import org.junit.jupiter.api.Test;
import vn.phaodai.cases.CovidCase;
import vn.phaodai.cases.Decisions;
import vn.phaodai.homecare.readings.ReadingForm;
import vn.phaodai.householdsupport.SupportRequests;
import vn.phaodai.population.Relation;
import vn.phaodai.population.Sex;
import vn.phaodai.population.residence.Residence;
import vn.phaodai.quarantine.facilities.Facilities;
import vn.phaodai.quarantine.policies.Policies;
import vn.phaodai.testing.results.ResultFields;
import vn.phaodai.tracing.chains.Clusters;
import vn.phaodai.tracing.contacts.Contacts;
import vn.phaodai.tracing.followups.FollowUps;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every code a page shows has its words in both languages: the pages print {@code #{'<area>.' + ${code}}}, so a
 * code without its key would show as ??key_vi??. The codes come from the constants the code itself uses; the
 * audit trail's actions and records are read from the source, so a new kind of entry cannot come without its words.
 */
class CodeLabelsTest {

    /** All the texts the application reads (spring.messages.basename): the pages' and every module's. */
    private static final Properties VI = all("");
    private static final Properties EN = all("_en");

    @Test
    void everyCodeShownOnAPageHasItsLabelInVietnameseAndEnglish() {
        Map<String, Collection<String>> shown = new LinkedHashMap<>();
        shown.put("case.status", CovidCase.STATUSES);
        shown.put("case.severity", CovidCase.SEVERITIES);
        shown.put("case.careSetting", CovidCase.CARE_SETTINGS);
        shown.put("case.source", CovidCase.SOURCES);
        shown.put("tracing.followUp.kind", FollowUps.KINDS);
        shown.put("tracing.followUp.outcome", FollowUps.OUTCOMES);
        shown.put("tracing.setting", Contacts.SETTINGS);
        shown.put("tracing.proximity", Contacts.PROXIMITIES);
        shown.put("tracing.cluster.kind", Clusters.KINDS);
        shown.put("residence.kind", Residence.KINDS);
        shown.put("q.subject", Policies.SUBJECTS);
        shown.put("q.kind", Facilities.KINDS);
        shown.put("q.status", List.of("ACTIVE", "RELEASED", "TURNED_CASE"));
        shown.put("test.reason", ResultFields.REASONS);
        shown.put("test.type", List.of("RAPID", "PCR"));
        // a stay's and a person's tests: a sample's result, or none yet
        shown.put("test.conclusion", List.of("NEGATIVE", "POSITIVE", "INVALID", "RETEST", "PENDING", "POOL_POSITIVE", "POOL_INVALID"));
        shown.put("support.kind", SupportRequests.KINDS);
        shown.put("vaccination.status", names(vn.phaodai.vaccination.VaccinationStatuses.Level.values()));
        shown.put("vaccination.doseKind", vn.phaodai.vaccination.rules.DoseJudge.DOSE_KINDS);
        shown.put("vaccination.reaction", vn.phaodai.vaccination.doses.Doses.REACTIONS);
        shown.put("vaccination.source", List.of("SESSION", "MANUAL", "IMPORT"));
        shown.put("homecare.symptom", ReadingForm.SYMPTOMS);
        shown.put("person.sex", names(Sex.values()));
        shown.put("population.relation", names(Relation.values()));
        shown.put("geo.villageKind", names(vn.phaodai.geography.VillageKind.values()));
        shown.put("vimport.reason", vn.phaodai.vaccination.imports.UnmatchedLines.REASONS);
        shown.put("user.level", List.of("PROVINCE", "DISTRICT", "COMMUNE", "VILLAGE", "FACILITY"));
        shown.put("vstock.level", names(vn.phaodai.vaccination.stock.Holder.Level.values()));
        shown.put("vstock.reason", vn.phaodai.vaccination.stock.StockLedger.REASONS);
        shown.put("vstock.done", List.of("RECEIVE", "ALLOCATE", "RETURN", "DISCARD", "WASTE"));
        // refusals and home vaccination (issue 15 §6–7)
        shown.put("vaccination.refusal.reason", vn.phaodai.vaccination.people.Refusals.REASONS);
        shown.put("vaccination.homeNeed.reason", vn.phaodai.vaccination.people.HomeNeeds.REASONS);
        List<String> missing = new ArrayList<>();
        shown.forEach((area, codes) -> {
            assertThat(codes).as(area).isNotEmpty();
            for (String code : codes) missing.addAll(missingIn(area + "." + code));
        });
        for (Decisions.Kind k : Decisions.Kind.values()) missing.addAll(missingIn("cases.timeline.decision." + k.name()));
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKindOfAuditEntryReadsAsASentenceInBothLanguages() throws IOException {
        Set<String> actions = new TreeSet<>(List.of("LIST"));
        Set<String> records = new TreeSet<>();
        Pattern record = Pattern.compile("record\\(\"([A-Z_]+)\",\\s*\"([a-z_]+)\"");
        Pattern shown = Pattern.compile("recordShown\\(\"([a-z_]+)\"");
        Pattern moved = Pattern.compile("move\\(r, user, \"([A-Z_]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(f);
                for (Matcher m = record.matcher(source); m.find(); ) {
                    actions.add(m.group(1));
                    records.add(m.group(2));
                }
                for (Matcher m = shown.matcher(source); m.find(); ) records.add(m.group(1));
                for (Matcher m = moved.matcher(source); m.find(); ) actions.add(m.group(1)); // a support request's steps
            }
        }
        for (String move : List.of("MOVE_AWAY", "ARRIVE", "CHANGE_KIND")) actions.add("RESIDENCE_" + move); // Residence.record
        records.add("support_request");
        assertThat(actions).contains("CREATE", "VIEW", "READING", "TAKE").hasSizeGreaterThan(30);
        assertThat(records).contains("case", "person", "quarantine_stay").hasSizeGreaterThan(15);
        List<String> missing = new ArrayList<>();
        for (String a : actions) missing.addAll(missingIn("audit.do." + a));
        for (String r : records) missing.addAll(missingIn("audit.what." + r));
        assertThat(missing).isEmpty();
        // each phrase names its record ({0}); a phrase without it would drop what was done to
        for (String a : actions) assertThat(VI.getProperty("audit.do." + a)).as(a).contains("{0}");
        for (String a : actions) assertThat(EN.getProperty("audit.do." + a)).as(a).contains("{0}");
    }

    private static List<String> missingIn(String key) {
        Properties[] in = {VI, EN};
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            String text = in[i].getProperty(key);
            if (text == null || text.isBlank()) missing.add(key + (i == 0 ? " (vi)" : " (en)"));
        }
        return missing;
    }

    private static Properties all(String suffix) {
        Properties all = load("src/main/resources/messages" + suffix + ".properties");
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                boolean english = name.endsWith("_en.properties");
                if (suffix.isEmpty() != english) all.putAll(load(f.toString()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return all;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static Properties load(String file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(file, e);
        }
        return p;
    }
}
