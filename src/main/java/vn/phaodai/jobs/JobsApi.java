package vn.phaodai.jobs;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.core.Authentication;
import vn.phaodai.shared.PageResult;

import java.util.UUID;

@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Jobs", description = "Progress of background work such as imports")
class JobsApi {

    private final Jobs jobs;

    JobsApi(Jobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/{id}")
    Job job(@PathVariable UUID id, Authentication user) {
        return jobs.get(id, user);
    }

    @GetMapping("/{id}/rejections")
    PageResult<Jobs.Rejection> rejections(@PathVariable UUID id, @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size, Authentication user) {
        jobs.get(id, user);
        return jobs.rejections(id, PageResult.page(page), PageResult.size(size));
    }
}
