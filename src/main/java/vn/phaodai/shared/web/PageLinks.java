package vn.phaodai.shared.web;


import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links of the shared pager (templates/fragments/pager.html): the page being shown, with every search
 * parameter it was opened with, and only the page number changed. So no list has to spell out its filters twice.
 */
@Component("pageLinks")
public class PageLinks {

    /** The current path and query with {@code param} set to {@code page}; relative to the host, like every link. */
    public String to(String param, int page) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        // A page re-rendered after a refused POST keeps its path; its form fields are not search parameters.
        String query = "GET".equals(request.getMethod()) ? request.getQueryString() : null;
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(query)
                .replaceQueryParam(param, page).build().toUriString();
    }
}
