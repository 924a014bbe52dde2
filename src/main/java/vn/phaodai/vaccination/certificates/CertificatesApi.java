package vn.phaodai.vaccination.certificates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Vaccination certificates", description = "A person's vaccination certificate as PDF, with a signed QR code checked at /verify/<token>")
class CertificatesApi {

    private final Certificates certificates;

    CertificatesApi(Certificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/persons/{id}/vaccination/certificate")
    @Operation(summary = "The person's vaccination certificate (name, birth, ID number, each dose: day, product, lot, point) as PDF, "
            + "with a QR code of its verification page; the same doses give the same certificate; 409 while no dose is recorded")
    ResponseEntity<byte[]> certificate(@PathVariable long id) {
        return pdf(certificates.print(id));
    }

    // No "produces" on the mapping: errors must still be answered as problem+json.
    static ResponseEntity<byte[]> pdf(Certificates.Printed printed) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(printed.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(printed.content());
    }
}
