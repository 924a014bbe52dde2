package vn.phaodai.shared.web;

import vn.phaodai.shared.Problems;
import vn.phaodai.shared.SharedTexts;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.Writer;

/**
 * What Tomcat answers by itself, before any servlet (a path that is not valid UTF-8, a request it cannot
 * parse): problem+json under /api, Tomcat's page elsewhere, never a stack trace.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable t) {
        String uri = request.getRequestURI();
        int status = response.getStatus();
        if (uri == null || !uri.startsWith("/api/") || status < 400 || response.getContentWritten() > 0) {
            super.report(request, response, t);
            return;
        }
        try {
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? SharedTexts.get("shared.problem.error") : ErrorPages.title(known);
            response.setContentType(Problems.CONTENT_TYPE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(Problems.json(status, title, title, null));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // Nothing more can be said to this client.
        }
    }
}
