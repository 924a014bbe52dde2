package vn.phaodai.shared;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text exists in both languages, and a module's bundle holds only its own keys. */
class MessageBundlesTest {

    private static final Path I18N = Path.of("src/main/resources/i18n");

    @Test
    void thePagesBundleHasTheSameKeysInBothLanguages() throws IOException {
        assertThat(load(Path.of("src/main/resources/messages_en.properties")).stringPropertyNames())
                .isEqualTo(load(Path.of("src/main/resources/messages.properties")).stringPropertyNames());
    }

    @Test
    void everyModuleBundleHasTheSameKeysInBothLanguagesAndOnlyItsOwn() throws IOException {
        List<Path> vietnamese;
        try (Stream<Path> files = Files.list(I18N)) {
            vietnamese = files.filter(p -> !p.getFileName().toString().endsWith("_en.properties")).sorted().toList();
        }
        assertThat(vietnamese).isNotEmpty();
        for (Path vi : vietnamese) {
            String module = vi.getFileName().toString().replace(".properties", "");
            Properties viKeys = load(vi);
            Properties enKeys = load(I18N.resolve(module + "_en.properties"));
            assertThat(enKeys.stringPropertyNames()).as(module).isEqualTo(viKeys.stringPropertyNames());
            assertThat(viKeys.stringPropertyNames()).as(module).allMatch(k -> k.startsWith(module + "."));
            assertThat(viKeys.values()).as(module + ": no empty text").allMatch(v -> !v.toString().isBlank());
            assertThat(enKeys.values()).as(module + "_en: no empty text").allMatch(v -> !v.toString().isBlank());
        }
    }

    @Test
    void theApplicationReadsEveryModuleBundle() throws IOException {
        String settings = Files.readString(Path.of("src/main/resources/application.yml"));
        try (Stream<Path> files = Files.list(I18N)) {
            files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith("_en.properties"))
                    .forEach(n -> assertThat(settings).contains("i18n/" + n.replace(".properties", "")));
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
