package vn.phaodai.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.jobs.Jobs;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;

import java.util.UUID;

/**
 * The demo: a small synthetic province loaded with one click from the administrator's home page, or at
 * start-up with {@code --phaodai.demo=true}. Every page then says that the data is demo data.
 */
@Controller
@ControllerAdvice(annotations = Controller.class)
class DemoPages {

    static final SyntheticProvince.Options DEMO = new SyntheticProvince.Options(50_000, 2021, SyntheticProvince.DEMO_PROVINCE, 60);

    private final SyntheticProvince province;
    private final Jobs jobs;
    private final JsonMapper json;
    private final boolean atStartup;

    DemoPages(SyntheticProvince province, Jobs jobs, JsonMapper json, @Value("${phaodai.demo:false}") boolean atStartup) {
        this.province = province;
        this.jobs = jobs;
        this.json = json;
        this.atStartup = atStartup;
    }

    @ModelAttribute("demoData")
    boolean demoData() {
        return province.loaded();
    }

    /** Loads the demo in the background; the import's progress page follows it. */
    @PostMapping("/demo")
    String load() {
        CurrentUser.require(Right.GEOGRAPHY_ADMIN);
        if (province.loaded()) return "redirect:/";
        UUID job = jobs.submit("PERSON_IMPORT", "tinh-mau (demo)", CurrentUser.get().username(),
                progress -> CurrentUser.asSystem(() -> province.build(DEMO).importResult()));
        return "redirect:/persons/import/" + job;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadAtStartup() {
        if (!atStartup || province.loaded()) return;
        CurrentUser.asSystem(() -> province.build(DEMO));
    }
}
