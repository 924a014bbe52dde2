package vn.phaodai.vaccination.certificates;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The certificate's pages: the public verification page a QR code opens (no login, listed as public in the security
 * configuration), and the person's page with the button that prints the certificate.
 */
@Controller
class CertificatePages {

    private final Certificates certificates;

    CertificatePages(Certificates certificates) {
        this.certificates = certificates;
    }

    /** Anyone with the code: the verdict in words, the name, the birth year and the doses only. A refused code is a 404. */
    @GetMapping("/verify/{token}")
    String verify(@PathVariable String token, Model model, HttpServletResponse response) {
        Certificates.Verdict verdict = certificates.verify(token);
        if (verdict.outcome() == Certificates.Outcome.REFUSED) response.setStatus(404);
        model.addAttribute("verdict", verdict);
        return "vaccination/certificates/verify";
    }

    /** The person's certificate: who, which doses, and the button that prints it. */
    @GetMapping("/vaccination/persons/{id}/certificate")
    String person(@PathVariable long id, Model model) {
        model.addAttribute("person", certificates.overview(id));
        return "vaccination/certificates/person";
    }

    @GetMapping("/vaccination/persons/{id}/certificate.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return CertificatesApi.pdf(certificates.print(id));
    }
}
