package vn.phaodai.homecare.patientlink;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.phaodai.shared.FormErrors;
import vn.phaodai.shared.ConflictException;


/**
 * The worker gives the patient (or carer) their own link from the reading page: shown once, as text to send
 * and as a QR code to scan from the worker's phone; a new link or a revocation ends the old one.
 */
@Controller
class PatientLinkPages {

    private final PatientLinks links;

    private final String baseUrl;

    PatientLinkPages(PatientLinks links, @org.springframework.beans.factory.annotation.Value("${phaodai.base-url:}") String baseUrl) {
        this.links = links;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @PostMapping("/home-care/cases/{id}/patient-link")
    String issue(@PathVariable long id, RedirectAttributes redirect) {
        try {
            PatientLinks.Issued issued = links.issue(id);
            // From the configured address, never from the Host header of this request (it could be anyone's).
            String url = baseUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().path(issued.path()).toUriString()
                    : baseUrl + issued.path();
            redirect.addFlashAttribute("patientLink", url);
            redirect.addFlashAttribute("patientLinkExpires", issued.expiresAt());
            redirect.addFlashAttribute("patientQr", QrSvg.of(url));
        } catch (ConflictException e) {
            FormErrors.flash(redirect, null, e);
        }
        return "redirect:/home-care/cases/" + id + "/reading";
    }

    @PostMapping("/home-care/cases/{id}/patient-link/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        links.revoke(id);
        redirect.addFlashAttribute("patientLinkRevoked", true);
        return "redirect:/home-care/cases/" + id + "/reading";
    }
}
