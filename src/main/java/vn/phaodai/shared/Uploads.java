package vn.phaodai.shared;

import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Uploaded files go to a temporary file first: readers need random access (XLSX) or a second pass. */
public final class Uploads {

    @FunctionalInterface
    public interface FileWork<T> {
        T apply(Path file) throws IOException;
    }

    private Uploads() {
    }

    public static <T> T withTempFile(MultipartFile upload, FileWork<T> work) throws IOException {
        Path file = save(upload);
        try {
            return work.apply(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Saves the upload; the caller deletes the file when done (background jobs keep it). */
    public static Path save(MultipartFile upload) throws IOException {
        if (upload == null || upload.isEmpty()) throw new InvalidInputException("file", "Chưa chọn tệp hoặc tệp rỗng");
        if (!SpreadsheetReader.supports(upload.getOriginalFilename())) {
            throw new InvalidInputException("file", "Chỉ nhận tệp .csv, .xls hoặc .xlsx");
        }
        Path file = Files.createTempFile("phaodai-upload", ".tmp");
        upload.transferTo(file);
        return file;
    }
}
