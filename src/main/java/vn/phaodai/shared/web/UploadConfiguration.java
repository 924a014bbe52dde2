package vn.phaodai.shared.web;

import vn.phaodai.shared.Uploads;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The servlet container writes a request's uploaded parts to disk before any controller sees them: by default in
 * its own folder under the shared /tmp, where a killed process would leave them. They go to
 * {@code <data-dir>/uploads/incoming} instead (unless spring.servlet.multipart.location says otherwise), emptied
 * with the rest of the uploads at start-up. Every other multipart setting is Spring Boot's.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication // a command line takes no uploads
class UploadConfiguration {

    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties properties, Uploads uploads) throws java.io.IOException {
        // A server starting, before it takes a request: no file here belongs to a live import. (A command line run
        // beside a live server has no web server, does not get here and leaves the server's uploads alone.)
        uploads.deleteLeftovers();
        if (properties.getLocation() == null || properties.getLocation().isBlank()) {
            properties.setLocation(uploads.incoming().toString());
        }
        return properties.createMultipartConfig();
    }
}
