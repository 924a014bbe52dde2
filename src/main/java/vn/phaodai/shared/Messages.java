package vn.phaodai.shared;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * A text for the user in the user's language, for Java code that builds one. The pages' texts are in
 * messages.properties (Vietnamese) and messages_en.properties (English); the texts a module's Java code builds are
 * in i18n/&lt;module&gt;.properties and i18n/&lt;module&gt;_en.properties, keys starting with the module's name.
 */
@Component
public class Messages {

    /** The language of the pages unless a user chose English, and of every text built outside a request. */
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MessageSource source;

    Messages(MessageSource source) {
        this.source = source;
    }

    public String get(String key, Object... args) {
        return source.getMessage(key, args, locale());
    }

    /** The request's language; outside a request (a job, a scheduled task) Vietnamese, never the server's own locale. */
    public static Locale locale() {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        Locale locale = context == null ? null : context.getLocale();
        return locale == null ? VIETNAMESE : locale;
    }
}
