package vn.phaodai.shared.web;

import vn.phaodai.shared.Messages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.Locale;
import java.util.TimeZone;

/** Vietnamese first, English second (?lang=en switches, a cookie remembers); time in Asia/Ho_Chi_Minh. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("phaodai-lang");
        resolver.setDefaultLocale(Messages.VIETNAMESE);
        resolver.setDefaultTimeZone(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"));
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /** See {@link BareRequestMapping}. */
    @Bean
    org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations bareRequestMapping() {
        return new org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations() {
            @Override
            public org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new BareRequestMapping();
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        registry.addInterceptor(change);
    }
}
