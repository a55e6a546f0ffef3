package io.sweeper.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.store.ProcessSeen;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Which other processes this one may declare gone: only those whose pids it sees, and only when their pid has ended. */
class LocalProcessTest {
    private final LocalProcess self = LocalProcess.current();

    private ProcessSeen seen(long pid, String pidScope) {
        String host = self.name().substring(0, self.name().indexOf(':'));
        return new ProcessSeen(host + ":" + pid + ":", pidScope, Instant.now());
    }

    @Test
    void aProcessWhosePidEndedInTheSameScopeIsGone() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        assertThat(ended.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(self.knowsIsDead(seen(ended.pid(), self.pidScope()))).isTrue();
    }

    @Test
    void aRunningProcessAndThisOneAreNot() throws Exception {
        Process running = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(self.knowsIsDead(seen(running.pid(), self.pidScope()))).isFalse();
            assertThat(self.knowsIsDead(new ProcessSeen(self.name(), self.pidScope(), Instant.now()))).isFalse();
        } finally {
            running.destroyForcibly();
        }
    }

    @Test
    void aProcessInAnotherPidScopeIsNeverJudged() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        assertThat(ended.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // same host name, other pid namespace: e.g. a container with host networking
        assertThat(self.knowsIsDead(seen(ended.pid(), self.pidScope() + "-other-namespace"))).isFalse();
    }
}
