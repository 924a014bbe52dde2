package vn.phaodai.vaccination.certificates;

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
 * The certificate as PDF: a Thymeleaf XHTML template rendered by openhtmltopdf in Liberation Sans (complete for
 * Vietnamese), the fonts embedded, as the decisions module prints its decisions.
 */
@Component
class CertificatePdf {

    static final String FONT_FAMILY = "Liberation Sans";

    private final ITemplateEngine templates;

    CertificatePdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(Map<String, Object> model) {
        String html = templates.process("vaccination/certificates/certificate", new Context(Locale.forLanguageTag("vi"), model));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        font(builder, "Regular", 400, FontStyle.NORMAL);
        font(builder, "Bold", 700, FontStyle.NORMAL);
        font(builder, "Italic", 400, FontStyle.ITALIC);
        builder.withProducer("Phao Dai"); // the metadata in ASCII: the texts live in the messages
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
        String resource = "/liberation/LiberationSans-" + face + ".ttf";
        builder.useFont(() -> open(resource), FONT_FAMILY, weight, style, true);
    }

    private static InputStream open(String resource) {
        InputStream in = CertificatePdf.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("Font missing from the classpath: " + resource);
        return in;
    }
}
