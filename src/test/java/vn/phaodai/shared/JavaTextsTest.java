package vn.phaodai.shared;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A text the Java code builds for a user comes from the message bundles (i18n/&lt;module&gt;), so the English pages
 * are English: no string literal in src/main/java holds a Vietnamese letter, except in the files below, whose
 * Vietnamese is data rather than an interface (each says why). Comments do not count.
 */
class JavaTextsTest {

    private static final Path JAVA = Path.of("src/main/java/vn/phaodai");
    private static final Pattern VIETNAMESE = Pattern.compile("[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđĐ]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final String LEGAL = "the official wording of a decision, Vietnamese in any language of the pages";
    private static final String FILE_LAYOUT = "the headers and words of a file layout the imports read";
    private static final String API_DOC = "the API's description for developers, quoting a Vietnamese term or header";
    private static final String STORED = "stored as a record of what was done, shown as written";

    static final Map<String, String> DATA = new TreeMap<>(Map.ofEntries(
            Map.entry("cases/Decisions.java", LEGAL),
            Map.entry("cases/decisions/DecisionDocument.java", LEGAL),
            Map.entry("decisions/DecisionWording.java", LEGAL),
            Map.entry("decisions/OfficialDocuments.java", LEGAL),
            Map.entry("decisions/DecisionPdf.java", LEGAL),
            Map.entry("quarantine/ending/EndOfQuarantineDecisions.java", LEGAL),
            Map.entry("quarantine/stays/Stays.java", LEGAL + " (the /QĐ-UBND number)"),
            Map.entry("geography/UnitKind.java", "unit kinds as the GSO list writes them, read from it and used in decisions"),
            Map.entry("geography/VillageKind.java", "the village kinds a file or form may type"),
            Map.entry("geography/imports/GsoListParser.java", FILE_LAYOUT),
            Map.entry("geography/imports/VillageImporter.java", FILE_LAYOUT),
            Map.entry("population/Sex.java", "the words a file or form may type for a sex"),
            Map.entry("population/spreadsheets/ImportColumns.java", FILE_LAYOUT),
            Map.entry("population/spreadsheets/PersonExport.java", FILE_LAYOUT + " (the import template)"),
            Map.entry("testing/results/ResultColumns.java", FILE_LAYOUT),
            Map.entry("testing/results/ResultFields.java", FILE_LAYOUT),
            Map.entry("tracing/contacts/ContactImport.java", FILE_LAYOUT),
            Map.entry("vaccination/imports/DoseColumns.java", FILE_LAYOUT),
            Map.entry("vaccination/imports/DoseImportApi.java", API_DOC),
            Map.entry("tracing/contacts/Contacts.java", "the words a form may type for a sex"),
            Map.entry("cases/Cases.java", STORED + " (a case's state notes, the reasons a sample is set aside)"),
            Map.entry("cases/confirmation/CaseConfirmation.java", STORED + " (a case's state notes)"),
            Map.entry("quarantine/admission/Admissions.java", STORED + " (a movement's reason)"),
            Map.entry("quarantine/admission/Transfers.java", STORED + " (a movement's reason)"),
            Map.entry("householdsupport/SupportPages.java", "the official names of the commune's mass organisations, offered to type"),
            Map.entry("security/accounts/AdminBootstrap.java", "the first administrator's stored full name"),
            Map.entry("demo/Census.java", "synthetic names and places"),
            Map.entry("demo/DoseExportFile.java", "synthetic doses written in the national platform's file layout"),
            Map.entry("demo/PopulationSynthesizer.java", "synthetic persons written in the registry's file layout"),
            Map.entry("demo/SyntheticProvince.java", "synthetic places and persons"),
            Map.entry("demo/LabResultFile.java", "a synthetic laboratory file in its layout"),
            Map.entry("demo/Benchmark.java", "synthetic files in their layouts"),
            Map.entry("demo/HomeCareBench.java", "a synthetic laboratory file in its layout"),
            Map.entry("homecare/CareStaffing.java", "synthetic care teams written by the benchmark"),
            Map.entry("database/EmbeddedPostgres.java", "the product's name in a line for the operator"),
            Map.entry("tracing/web/TracingApi.java", API_DOC),
            Map.entry("geography/web/GeographyApi.java", API_DOC),
            Map.entry("testing/pages/CampaignsApi.java", API_DOC),
            Map.entry("householdsupport/SupportApi.java", API_DOC),
            Map.entry("vaccination/stock/StockPages.java", "the names of those who deliver vaccine to a province, offered to type")));

    @Test
    void noJavaTextForAUserIsVietnameseOutsideTheBundles() throws IOException {
        Map<String, List<String>> found = vietnameseLiterals();
        List<String> breaches = new ArrayList<>();
        found.forEach((file, texts) -> {
            if (!DATA.containsKey(file)) texts.forEach(t -> breaches.add(file + ": \"" + t + "\""));
        });
        assertThat(breaches).as("texts for a user belong in i18n/<module>.properties (read with shared.Messages)").isEmpty();
    }

    @Test
    void everyFileAllowedVietnameseStillHasSome() throws IOException {
        assertThat(vietnameseLiterals().keySet()).as("remove a file from DATA once its Vietnamese is gone").containsAll(DATA.keySet());
    }

    @Test
    void theScannerSeesLiteralsAndSkipsComments() {
        String source = "// \"Không\"\n/* \"Có\" */ class A { String a = \"http://x\"; String b = \"Số\"; char c = '\"'; String d = \"\"\"\n  Mã \"\"\"; }";
        assertThat(literals(source)).containsExactly("http://x", "Số", "\n  Mã ");
    }

    private static Map<String, List<String>> vietnameseLiterals() throws IOException {
        Map<String, List<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> texts = literals(Files.readString(file)).stream().filter(t -> VIETNAMESE.matcher(t).find()).toList();
                if (!texts.isEmpty()) found.put(JAVA.relativize(file).toString().replace('\\', '/'), texts);
            }
        }
        return found;
    }

    /** The string literals and text blocks of a Java source, comments and character literals skipped. */
    static List<String> literals(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                i = end(s.indexOf('\n', i), s);
            } else if (s.startsWith("/*", i)) {
                int close = s.indexOf("*/", i + 2);
                i = close < 0 ? s.length() : close + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                int close = s.indexOf("\"\"\"", i + 3);
                close = close < 0 ? s.length() : close;
                out.add(s.substring(i + 3, close));
                i = Math.min(s.length(), close + 3);
            } else if (c == '"' || c == '\'') {
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c && s.charAt(j) != '\n') {
                    if (s.charAt(j) == '\\' && j + 1 < s.length()) text.append(s.charAt(j++));
                    text.append(s.charAt(j++));
                }
                if (c == '"') out.add(text.toString());
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    private static int end(int index, String s) {
        return index < 0 ? s.length() : index;
    }
}
