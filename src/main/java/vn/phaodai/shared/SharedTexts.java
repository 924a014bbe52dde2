package vn.phaodai.shared;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The shared module's texts (i18n/shared) for its static helpers (the spreadsheet reader, the input limits, the
 * Tomcat valve), which run where no bean is at hand, before the application or outside it: the same bundle and
 * the same language rule as {@link Messages} (the request's language; Vietnamese outside a request).
 */
public final class SharedTexts {

    private static final ResourceBundleMessageSource SOURCE = new ResourceBundleMessageSource();

    static {
        SOURCE.setBasename("i18n/shared");
        SOURCE.setDefaultEncoding("UTF-8");
        SOURCE.setFallbackToSystemLocale(false);
    }

    private SharedTexts() {
    }

    public static String get(String key, Object... args) {
        return SOURCE.getMessage(key, args, Messages.locale());
    }
}
