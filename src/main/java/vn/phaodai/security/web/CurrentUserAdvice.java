package vn.phaodai.security.web;

import vn.phaodai.security.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;

/** Puts the logged-in user's name and rights in every page's model: the header shows only what they may open. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    @ModelAttribute("currentUser")
    String currentUser(Principal principal) {
        return principal == null ? null : principal.getName();
    }

    @ModelAttribute("can")
    Set<String> rights(Principal principal) {
        if (principal == null) return Set.of();
        try {
            return CurrentUser.get().rights().stream().map(Enum::name).collect(Collectors.toSet());
        } catch (RuntimeException notLoggedIn) {
            return Set.of();
        }
    }
}
