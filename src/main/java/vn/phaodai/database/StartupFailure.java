package vn.phaodai.database;

/**
 * A start-up failure the user can fix (the data folder, the disk, the database's address), said in one sentence
 * of what is wrong and what to do; {@link StartupFailures} prints it without a stack trace.
 */
public class StartupFailure extends RuntimeException {

    private final String action;

    public StartupFailure(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
