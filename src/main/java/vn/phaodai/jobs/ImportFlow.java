package vn.phaodai.jobs;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.PageResult;
import vn.phaodai.shared.Uploads;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The one import flow of the pages, for every file a module imports in the background: the upload page with the
 * user's recent jobs (templates/import.html), the upload that starts a job, the job page with its progress bar
 * polled while it runs, its figures once done and its refused lines, paged (templates/job.html).
 */
@Component
public class ImportFlow {

    /** Starts the job on the saved upload; answers its id. */
    public interface Submit {
        UUID submit(Path file, String fileName, boolean allOrNothing) throws IOException;
    }

    /** What a finished job reports: labelled figures (message key, number) and, if it can refuse whole, whether it applied. */
    public record Outcome(List<List<Object>> figures, Boolean applied) {
    }

    /**
     * One import. base: its path; title, help: message keys; authorise: checks the right and answers the username
     * (before an upload is kept); template: a blank file to fill in, or null; allOrNothing: whether it offers to
     * refuse the whole file on one bad line; outcome: reads the job's stored result.
     */
    public record Import(String kind, String base, String title, String help, Supplier<String> authorise, String template,
                         boolean allOrNothing, Submit submit, Function<String, Outcome> outcome) {
    }

    private final Jobs jobs;
    private final Uploads uploads;

    ImportFlow(Jobs jobs, Uploads uploads) {
        this.jobs = jobs;
        this.uploads = uploads;
    }

    public String page(Import i, Model model) {
        String user = i.authorise().get();
        model.addAttribute("flow", i);
        model.addAttribute("title", i.title());
        model.addAttribute("help", i.help());
        model.addAttribute("base", i.base());
        model.addAttribute("recent", jobs.recent(i.kind(), user, 10));
        return "import";
    }

    public String upload(Import i, MultipartFile file, boolean allOrNothing, RedirectAttributes redirect) throws IOException {
        i.authorise().get(); // before the upload is kept
        try {
            UUID job = i.submit().submit(uploads.save(file), file.getOriginalFilename(), i.allOrNothing() && allOrNothing);
            return "redirect:" + i.base() + "/" + job;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().stream().map(FieldError::message).distinct().collect(Collectors.joining("; ")));
            return "redirect:" + i.base();
        }
    }

    public String job(Import i, UUID id, Integer page, Authentication user, Model model) {
        show(i, jobs.get(id, user), model);
        model.addAttribute("rejections", jobs.rejections(id, PageResult.page(page), 50));
        return "job";
    }

    /** The progress bar alone, polled by htmx while the job runs. */
    public String progress(Import i, UUID id, Authentication user, Model model) {
        show(i, jobs.get(id, user), model);
        return "job :: progress";
    }

    private static void show(Import i, Job job, Model model) {
        model.addAttribute("job", job);
        model.addAttribute("base", i.base());
        if (job.result() != null) {
            Outcome o = i.outcome().apply(job.result());
            model.addAttribute("figures", o.figures());
            if (o.applied() != null) model.addAttribute("applied", o.applied());
        }
    }
}
