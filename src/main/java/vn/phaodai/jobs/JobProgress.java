package vn.phaodai.jobs;

import java.util.UUID;

/** What running work reports about itself; writes go straight to the job row, outside the work's transaction. */
public interface JobProgress {

    UUID jobId();

    void phase(String phase, int rowsTotal);

    void rowsDone(int rowsDone, int rowsRejected);

    /** Records a rejected input line; the count is kept by the caller. */
    void reject(int line, String reason);
}
