package vn.phaodai.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.jobs.Jobs;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.Messages;
import vn.phaodai.vaccination.sessions.SyntheticSessions;

import java.util.UUID;

/**
 * The demo: a small synthetic province loaded with one click from the administrator's home page, or at
 * start-up with {@code --phaodai.demo=true}. Every page then says that the data is demo data (the layout asks
 * {@link SyntheticProvince#loaded()} itself, so that API calls do not pay for the banner).
 */
@Controller
@ConditionalOnWebApplication
class DemoPages {

    static final SyntheticProvince.Options DEMO = new SyntheticProvince.Options(50_000, 2021, SyntheticProvince.DEMO_PROVINCE, 60);

    private final SyntheticProvince province;
    private final Jobs jobs;
    private final JsonMapper json;
    private final boolean atStartup;
    private final Messages messages;
    private final DemoDay day;
    private final SyntheticSessions sessions;

    DemoPages(SyntheticProvince province, Jobs jobs, JsonMapper json, @Value("${phaodai.demo:false}") boolean atStartup,
              Messages messages, DemoDay day, SyntheticSessions sessions) {
        this.sessions = sessions;
        this.messages = messages;
        this.day = day;
        this.province = province;
        this.jobs = jobs;
        this.json = json;
        this.atStartup = atStartup;
    }

    /** Loads the demo in the background; the import's progress page follows it. */
    @PostMapping("/demo")
    String load() {
        CurrentUser.require(Right.GEOGRAPHY_ADMIN);
        CurrentUser.require(Right.PERSON_IMPORT);
        if (province.loaded()) return "redirect:/";
        // Checked again in the job: jobs run one at a time, so a double click loads the demo once.
        UUID job = jobs.submit("PERSON_IMPORT", "tinh-mau (demo)", CurrentUser.get().username(), progress -> CurrentUser.asSystem(() -> {
            if (province.loaded()) throw new IllegalStateException(messages.get("demo.alreadyLoaded"));
            return loadNow(DEMO).importResult();
        }));
        return "redirect:/persons/import/" + job;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadAtStartup() {
        if (!atStartup || province.loaded()) return;
        if (province.registryHasPersons()) {
            org.slf4j.LoggerFactory.getLogger(DemoPages.class).warn("phaodai.demo=true ignored: the registry already holds persons");
            return;
        }
        CurrentUser.asSystem(() -> loadNow(DEMO));
    }

    /** Builds the demo province and sets the clock inside its outbreak (the caller acts as the system user). */
    SyntheticProvince.Result loadNow(SyntheticProvince.Options options) {
        SyntheticProvince.Result result = province.build(options);
        // The demo's sessions are planned on its own day, once the clock is there (as a commune would on the day).
        day.begin(result.provinceCode()).ifPresent(d -> sessions.write(result.provinceCode(), d));
        return result;
    }
}
