package vn.phaodai.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Numbers typed on a page or in a query, the Vietnamese way as well as the English one: "38,5" and "38.5" are
 * 38.5, "1.234" and "1 234" as a whole number are 1234, spaces around are dropped. Anything else (a word) is
 * refused as a wrong type, which the pages answer at the field ({@link PageInputAdvice}). JSON is not concerned.
 */
@Configuration(proxyBeanMethods = false)
class NumberInput implements WebMvcConfigurer {

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3})+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u202f]+");

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(Integer.class, whole(Integer::valueOf));
        registry.addFormatterForFieldType(Long.class, whole(Long::valueOf));
        registry.addFormatterForFieldType(Short.class, whole(Short::valueOf));
        registry.addFormatterForFieldType(BigDecimal.class, decimal(s -> s));
        registry.addFormatterForFieldType(Double.class, decimal(BigDecimal::doubleValue));
    }

    /** A whole number: digits, or digits grouped by thousands with dots ("1.234"). */
    static String wholeText(String typed) {
        String s = SPACES.matcher(typed).replaceAll("");
        if (GROUPED.matcher(s).matches()) s = s.replace(".", "");
        if (!WHOLE.matcher(s).matches()) throw new NumberFormatException(typed);
        return s;
    }

    /** A decimal number: "38,5" or "38.5"; with both marks the Vietnamese way ("1.234,5"). */
    static BigDecimal decimalValue(String typed) {
        String s = SPACES.matcher(typed).replaceAll("");
        if (s.contains(",")) s = s.replace(".", "").replace(',', '.');
        if (!DECIMAL.matcher(s).matches()) throw new NumberFormatException(typed);
        return new BigDecimal(s);
    }

    private static <T extends Number> Formatter<T> whole(Function<String, T> parse) {
        return new Formatter<>() {
            @Override
            public T parse(String text, Locale locale) {
                return parse.apply(wholeText(text));
            }

            @Override
            public String print(T value, Locale locale) {
                return value.toString();
            }
        };
    }

    private static <T extends Number> Formatter<T> decimal(Function<BigDecimal, T> convert) {
        return new Formatter<>() {
            @Override
            public T parse(String text, Locale locale) {
                return convert.apply(decimalValue(text));
            }

            @Override
            public String print(T value, Locale locale) {
                return value instanceof BigDecimal b ? b.toPlainString() : value.toString();
            }
        };
    }
}
