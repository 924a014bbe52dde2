package vn.phaodai.jobs;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The pages of every background import a module publishes ({@link ImportFlow.Import} beans), at {base}, {base}/{job}
 * and {base}/{job}/progress. A page of a module's own (a template to download) has a literal path and wins.
 */
@Controller
class ImportPages {

    private final ImportFlow flow;
    private final Map<String, ImportFlow.Import> byBase;
    private final Messages messages;

    ImportPages(ImportFlow flow, List<ImportFlow.Import> imports, Messages messages) {
        this.flow = flow;
        this.messages = messages;
        this.byBase = imports.stream().collect(Collectors.toMap(ImportFlow.Import::base, Function.identity()));
    }

    @GetMapping("/{area}/import")
    String page(@PathVariable String area, Model model) {
        return flow.page(of(area), model);
    }

    @PostMapping("/{area}/import")
    String upload(@PathVariable String area, @RequestParam("file") MultipartFile file,
                  @RequestParam(defaultValue = "false") boolean allOrNothing, RedirectAttributes redirect) throws IOException {
        return flow.upload(of(area), file, allOrNothing, redirect);
    }

    @GetMapping("/{area}/import/{job}")
    String job(@PathVariable String area, @PathVariable UUID job, @RequestParam(required = false) Integer page,
               Authentication user, Model model) {
        return flow.job(of(area), job, page, user, model);
    }

    /** The progress bar alone, polled by htmx while the job runs. */
    @GetMapping("/{area}/import/{job}/progress")
    String progress(@PathVariable String area, @PathVariable UUID job, Authentication user, Model model) {
        return flow.progress(of(area), job, user, model);
    }

    private ImportFlow.Import of(String area) {
        ImportFlow.Import i = byBase.get("/" + area + "/import");
        if (i == null) throw new NotFoundException(messages.get("jobs.import.notFound", area));
        return i;
    }
}
