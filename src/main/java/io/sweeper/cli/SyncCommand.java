package io.sweeper.cli;

import io.sweeper.SweeperException;
import io.sweeper.report.TerminalText;
import io.sweeper.store.MirroredSweep;
import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import io.sweeper.tracking.OutboxSync;
import io.sweeper.tracking.TrackingFailure;
import io.sweeper.tracking.TrackingServer;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sweeper sync [SWEEP]}: delivers the MLflow writes that waited (server down during the sweep). */
@Command(name = "sync", description = "Deliver a mirrored sweep's pending MLflow writes (all sweeps' when none is named).")
final class SyncCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SWEEP", arity = "0..1", description = "Sweep id or name (default: every sweep with pending writes).")
    Optional<String> sweep = Optional.empty();

    @Mixin
    StoreOptions store;

    @Mixin
    TrackingOptions tracking;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Store opened = store.open()) {
            List<SweepRow> sweeps = sweep.isPresent()
                    ? List.of(opened.findSweep(sweep.get()))
                    : opened.trackingOutbox().sweepsWithPending().stream().map(id -> opened.findSweep(Long.toString(id))).toList();
            if (sweeps.isEmpty()) {
                out.println("MLflow: nothing pending");
            }
            for (SweepRow row : sweeps) {
                MirroredSweep mirroring = opened.trackingOutbox().mirroring(row.id()).orElseThrow(() -> new SweeperException(
                        "sweep " + row.id() + " (" + row.name() + ") is not mirrored to MLflow: it was created without --mlflow"));
                TrackingServer server = tracking.forSweep(mirroring);
                try {
                    long settled = OutboxSync.deliverAll(opened, row, server,
                            line -> err.println("sweeper: " + TerminalText.escape(line)));
                    out.println(TerminalText.escape(String.format("sweep %d (%s): %d MLflow write(s) delivered to %s,"
                            + " none pending", row.id(), row.name(), settled, server.url())));
                } catch (TrackingFailure e) {
                    int pending = opened.trackingOutbox().pendingCount(row.id());
                    throw new SweeperException(e.getMessage() + ": " + pending + " MLflow write(s) of sweep " + row.id()
                            + " still pending; fix that and run `sweeper sync " + row.id() + "` again");
                }
            }
        }
        return 0;
    }
}
