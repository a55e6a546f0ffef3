package io.sweeper.exec;

import java.util.Map;

/** Runs one configuration, reporting its epochs to a {@link TrialContext}. */
public interface TrialRunner {
    /** How a run ended when it did not fail. */
    enum End { FINISHED, STOPPED }

    /**
     * Runs until done or until the context says stop.
     *
     * @throws Exception when the trial fails; its message is recorded as the trial's error
     */
    End run(Map<String, Object> params, TrialContext context) throws Exception;
}
