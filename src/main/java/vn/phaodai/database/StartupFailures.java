package vn.phaodai.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.sql.SQLException;

/**
 * Start-up failures as a sentence each instead of a trace: the embedded database's folder (a newer PostgreSQL's, a
 * disk that is full or read-only, a folder the server cannot reach), and an external database that does not answer
 * or refuses the login. Registered in META-INF/spring.factories.
 */
class StartupFailures extends AbstractFailureAnalyzer<RuntimeException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, RuntimeException failure) {
        for (Throwable t = root; t != null; t = t.getCause()) {
            if (t instanceof StartupFailure f) return new FailureAnalysis(f.getMessage(), f.action(), f);
        }
        for (Throwable t = root; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("28") || sql.getSQLState().equals("3D000"))) {
                return new FailureAnalysis("The database cannot be reached or refused the login: " + sql.getMessage(),
                        "Check spring.datasource.url, .username and .password (or leave spring.datasource.url unset for the "
                                + "embedded PostgreSQL).", sql);
            }
        }
        return null;
    }
}
