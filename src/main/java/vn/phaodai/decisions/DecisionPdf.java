package vn.phaodai.decisions;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * Renders decisions (templates using the fragments of templates/decisions/form.html) to one PDF, each decision
 * from a new page, in Liberation
 * Serif: metric-compatible with Times New Roman, the font of official documents, and complete for Vietnamese.
 * The fonts are embedded (subset), so the printout does not depend on the fonts of the machine.
 */
@Component
class DecisionPdf {

    static final String FONT_FAMILY = "Liberation Serif";

    private final ITemplateEngine templates;

    DecisionPdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** Any official document template, with the same page, fonts and producer. */
    byte[] render(String template, Map<String, Object> model) {
        String html = templates.process(template, new Context(Locale.forLanguageTag("vi"), model));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        font(builder, "Regular", 400, FontStyle.NORMAL);
        font(builder, "Bold", 700, FontStyle.NORMAL);
        font(builder, "Italic", 400, FontStyle.ITALIC);
        font(builder, "BoldItalic", 700, FontStyle.ITALIC);
        builder.withProducer("Pháo Đài");
        builder.withHtmlContent(html, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void font(PdfRendererBuilder builder, String face, int weight, FontStyle style) {
        String resource = "/liberation/LiberationSerif-" + face + ".ttf";
        builder.useFont(() -> open(resource), FONT_FAMILY, weight, style, true);
    }

    private static InputStream open(String resource) {
        InputStream in = DecisionPdf.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("Font missing from the classpath: " + resource);
        return in;
    }
}
