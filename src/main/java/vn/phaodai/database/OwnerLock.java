package vn.phaodai.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data folder's owner: the one process that started its PostgreSQL holds an operating-system lock on
 * {@code phaodai.lock} for as long as it lives. The lock goes with the process, however it dies, so a
 * second process (the command line beside a running server) can tell a live owner, whose server it must
 * never stop, from a server left behind by a killed one.
 */
final class OwnerLock {

    /** Held for the life of the process; a lock released by garbage collection would be no lock. */
    private static final Map<Path, FileLock> HELD = new ConcurrentHashMap<>();

    private OwnerLock() {
    }

    /** Takes the folder's lock; false when another live process holds it. */
    static synchronized boolean take(Path dataDir) throws IOException {
        Path file = dataDir.toAbsolutePath().normalize().resolve("phaodai.lock");
        if (HELD.containsKey(file)) return true;
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            return true;
        }
        if (lock == null) {
            channel.close();
            return false;
        }
        HELD.put(file, lock);
        // Written through the locked channel: closing any other channel on the file would release the lock.
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes()), 0);
        return true;
    }
}
