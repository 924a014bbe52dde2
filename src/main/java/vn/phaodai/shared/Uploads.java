package vn.phaodai.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Uploaded files (lists of names, ID numbers and phones) are kept, while they are imported, in a folder the
 * application owns: {@code phaodai.data-dir}/uploads, readable by the application's user only, never the shared
 * /tmp. A file is deleted when its import ends, however it ends; what a killed process left there is deleted at
 * the next start, before any request is taken. Sizes and row counts are checked here, against
 * {@link ImportLimits}, before any import starts.
 */
@Component
public class Uploads {

    private static final Logger log = LoggerFactory.getLogger(Uploads.class);

    @FunctionalInterface
    public interface FileWork<T> {
        T apply(Path file) throws IOException;
    }

    private final Path folder;
    private final Path incoming;
    private final ImportLimits limits;
    private final Messages messages;

    Uploads(@Value("${phaodai.data-dir:./data}") Path dataDir, ImportLimits limits, Messages messages) throws IOException {
        this.messages = messages;
        this.folder = dataDir.resolve("uploads").toAbsolutePath().normalize();
        this.limits = limits;
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
        }
        if (posix) Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        this.incoming = folder.resolve("incoming");
        Files.createDirectories(incoming);
        if (posix) Files.setPosixFilePermissions(incoming, PosixFilePermissions.fromString("rwx------"));
    }

    /** The folder uploads are kept in. */
    public Path folder() {
        return folder;
    }

    /** Where the servlet container writes the parts of a request being received (see UploadConfiguration). */
    public Path incoming() {
        return incoming;
    }

    /** Deletes every file in the folders: at a server's start-up, none of them belongs to a live import or request. */
    public void deleteLeftovers() throws IOException {
        int n = 0;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (Files.deleteIfExists(f)) n++;
            }
        }
        if (n > 0) log.warn("Deleted {} uploaded file(s) left by an interrupted process in {}", n, folder);
    }

    /** Imports within the request: the file (of the synchronous limits) is deleted when the work is done. */
    public <T> T withFile(MultipartFile upload, FileWork<T> work) throws IOException {
        Path file = store(upload, limits.syncMaxUploadSize().toBytes(), limits.syncMaxRows());
        try {
            return work.apply(file);
        } finally {
            delete(file);
        }
    }

    /**
     * Saves an upload for a background job; the job deletes it when it ends (see Jobs), and the caller
     * deletes it if it cannot start the job.
     */
    public Path save(MultipartFile upload) throws IOException {
        return store(upload, limits.maxUploadSize().toBytes(), limits.maxRows());
    }

    /** Deletes an upload, quietly: it is gone or will be at the next start. */
    public static void delete(Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the upload {}", file, e);
        }
    }

    private Path store(MultipartFile upload, long maxBytes, long maxRows) throws IOException {
        if (upload == null || upload.isEmpty()) throw new InvalidInputException("file", messages.get("shared.file.missing"));
        String name = upload.getOriginalFilename();
        if (!SpreadsheetReader.supports(name)) {
            throw new InvalidInputException("file", messages.get("shared.file.type"));
        }
        if (upload.getSize() > maxBytes) {
            throw new InvalidInputException("file", messages.get("shared.file.tooBig", megabytes(upload.getSize()), megabytes(maxBytes)));
        }
        String extension = name.substring(name.lastIndexOf('.')).toLowerCase(Locale.ROOT);
        Path file = folder.resolve("upload-" + UUID.randomUUID() + extension);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        try {
            upload.transferTo(file); // may move the container's temporary part, with its own mode: set ours again
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the folder's own protection is all there is
            }
            // A picture or a PDF renamed .xlsx is refused here, at the file field, before any job starts
            if (!SpreadsheetReader.looksLikeItsKind(file, name)) {
                throw new InvalidInputException("file", messages.get("shared.file.notSpreadsheet"));
            }
            if (SpreadsheetReader.declaredRows(file, name) > maxRows) throw SpreadsheetReader.tooManyRows(maxRows);
            return file;
        } catch (IOException | RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0).replace('.', ',');
    }
}
