package vn.phaodai.shared.web;


import jakarta.servlet.http.HttpServletRequest;
import vn.phaodai.shared.PostedValues;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Map;

/**
 * No errors unless a handler or a redirect's flash put some: a flash attribute of the same name wins. A form posted
 * and shown again (refused) keeps what was typed: "posted" holds the posted fields ({@link PostedValues}).
 */
@ControllerAdvice(annotations = Controller.class)
class FormErrorsAdvice {

    @ModelAttribute("errors")
    Map<String, String> noErrors() {
        return Map.of();
    }

    @ModelAttribute("posted")
    PostedValues typed(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) ? PostedValues.of(request) : PostedValues.none();
    }
}
