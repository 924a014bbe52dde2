package vn.phaodai.security.signin;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import vn.phaodai.shared.Messages;

/**
 * The texts of the answers the security filters give themselves. They answer before the dispatcher has set the
 * request's language, so the language is taken here as the pages take it (the phaodai-lang cookie, else
 * Vietnamese), never from the client's Accept-Language or the server's own locale.
 */
@Component
class RequestTexts {

    private final Messages messages;
    private final LocaleResolver locales;

    RequestTexts(Messages messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    String get(HttpServletRequest request, String key, Object... args) {
        LocaleContext before = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(locales.resolveLocale(request));
        try {
            return messages.get(key, args);
        } finally {
            LocaleContextHolder.setLocaleContext(before);
        }
    }
}
