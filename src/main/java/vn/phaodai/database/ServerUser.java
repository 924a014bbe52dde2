package vn.phaodai.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whom the embedded PostgreSQL runs as: PostgreSQL refuses to run as root, and a province's server or a CI
 * machine often runs the application as root (docs/decisions/0008).
 */
enum ServerUser {
    /** Not root: the application's own user. */
    SELF,
    /**
     * Root: the server runs in a user namespace of its own, as uid 1000 there, while its files stay root's; so a
     * data folder inside root's private home (0700) is reachable, and nothing is chowned.
     */
    NAMESPACE,
    /** Root where user namespaces are not allowed, or a cluster created that way before: the user nobody. */
    NOBODY;

    static final String NOBODY_ID = "65534";

    /** The way to run the server on this cluster. */
    static ServerUser forCluster(Path cluster) throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) return SELF;
        if (Files.exists(cluster) && NOBODY_ID.equals(String.valueOf(Files.getAttribute(cluster, "unix:uid")))) return NOBODY;
        return namespacesAllowed() ? NAMESPACE : NOBODY;
    }

    /** What goes before a server command (initdb, pg_ctl). */
    List<String> prefix() {
        return switch (this) {
            case SELF -> List.of();
            case NAMESPACE -> List.of("unshare", "--user", "--map-user=1000", "--map-group=1000", "--");
            case NOBODY -> List.of("setpriv", "--reuid=" + NOBODY_ID, "--regid=" + NOBODY_ID, "--clear-groups", "--");
        };
    }

    /** Whether a file the application creates must be given to the server's user. */
    boolean needsChown() {
        return this == NOBODY;
    }

    private static boolean namespacesAllowed() {
        try {
            Process p = new ProcessBuilder("unshare", "--user", "--map-user=1000", "--map-group=1000", "--", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
