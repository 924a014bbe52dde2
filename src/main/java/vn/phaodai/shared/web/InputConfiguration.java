package vn.phaodai.shared.web;

import vn.phaodai.shared.InputLimits;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.datetime.standard.Jsr310DateTimeFormatAnnotationFormatterFactory;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

import java.util.Locale;

/** {@link InputLimits} applied everywhere input comes in: JSON fields, request parameters, date parameters. */
@Configuration(proxyBeanMethods = false)
class InputConfiguration implements WebMvcConfigurer {

    /** Every String and every date or time read from JSON, wherever it sits (a field, a list, a map). */
    @Bean
    JacksonModule inputLimitsModule() {
        SimpleModule module = new SimpleModule("phaodai-input-limits");
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
                                                           ValueDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type == String.class || InputLimits.isDate(type)) return new Checked(deserializer);
                return deserializer;
            }
        });
        return module;
    }

    /** A null inside a list or a map ({"roles": [null]}) is refused when read, naming the element. */
    @Bean
    org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer noNullElements() {
        return builder -> builder.changeDefaultNullHandling(n -> n.withContentNulls(com.fasterxml.jackson.annotation.Nulls.FAIL));
    }

    /** Tomcat's own answers (a path that is not UTF-8) are problem+json under /api too. */
    @Bean
    org.springframework.boot.web.server.WebServerFactoryCustomizer<org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** After the security filters (their order is -100), before the servlet. */
    @Bean
    FilterRegistrationBean<InputFilter> inputFilter(org.springframework.web.servlet.LocaleResolver languages) {
        FilterRegistrationBean<InputFilter> registration = new FilterRegistrationBean<>(new InputFilter(languages));
        registration.setOrder(0);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Date parameters (all carry @DateTimeFormat) within the years of {@link InputLimits}. */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldAnnotation(new Jsr310DateTimeFormatAnnotationFormatterFactory() {
            @Override
            public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
                Parser<?> parser = super.getParser(annotation, fieldType);
                return (String text, Locale locale) -> {
                    Object value = parser.parse(text, locale);
                    String problem = InputLimits.dateProblem(value);
                    if (problem != null) throw new IllegalArgumentException(problem);
                    return value;
                };
            }
        });
    }

    static final class Checked extends DelegatingDeserializer {

        Checked(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            return check(p, super.deserialize(p, ctxt));
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) throws JacksonException {
            return check(p, super.deserialize(p, ctxt, intoValue));
        }

        private Object check(JsonParser p, Object value) {
            String problem = value instanceof String s ? InputLimits.textProblem(s) : InputLimits.dateProblem(value);
            if (problem != null) throw new InputLimitExceeded(p, problem, handledType());
            return value;
        }
    }

    /** A value refused by {@link InputLimits}: its message is for the user as it stands. */
    static final class InputLimitExceeded extends InvalidFormatException {
        InputLimitExceeded(JsonParser p, String message, Class<?> type) {
            super(p, message, null, type);
        }
    }
}
