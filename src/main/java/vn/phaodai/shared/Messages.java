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

    /**
     * A text kept as a record (a placement's note, a case's closing note): Vietnamese whatever the language of the
     * officer who acted, as the province's records are.
     */
    public String recorded(String key, Object... args) {
        return source.getMessage(key, args, VIETNAMESE);
    }

    /** Runs work that builds texts to be recorded, in Vietnamese; see {@link #recorded}. */
    public static <T> T inVietnamese(java.util.function.Supplier<T> work) {
        LocaleContext before = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(VIETNAMESE);
        try {
            return work.get();
        } finally {
            LocaleContextHolder.setLocaleContext(before);
        }
    }

    /** The request's language; outside a request (a job, a scheduled task) Vietnamese, never the server's own locale. */
    public static Locale locale() {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        Locale locale = context == null ? null : context.getLocale();
        return locale == null ? VIETNAMESE : locale;
    }
}
