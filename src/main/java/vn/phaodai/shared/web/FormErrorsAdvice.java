package vn.phaodai.shared.web;


import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Map;

/** No errors unless a handler or a redirect's flash put some: a flash attribute of the same name wins. */
@ControllerAdvice(annotations = Controller.class)
class FormErrorsAdvice {

    @ModelAttribute("errors")
    Map<String, String> noErrors() {
        return Map.of();
    }
}
