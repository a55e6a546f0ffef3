package io.sweeper.cli;

import io.sweeper.SweeperException;
import io.sweeper.report.TerminalText;
import io.sweeper.train.NativeBuild;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sweeper}: the entry point. Errors a user can fix print one line and exit non-zero. */
// scope INHERIT: every subcommand gets --help (and --version) too, e.g. `sweeper train --help`.
@Command(name = "sweeper", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "sweeper 0.1.0",
        description = "Hyperparameter sweeps with experiment tracking, on Deeplearning4j.",
        subcommands = {RunCommand.class, ResumeCommand.class, AgentCommand.class, ValidateCommand.class, LsCommand.class,
                ShowCommand.class, BestCommand.class, QueryCommand.class, SyncCommand.class, TrainCommand.class,
                PredictCommand.class, EvalCommand.class, DashboardCommand.class, CreateCommand.class, AskCommand.class,
                ReportCommand.class, TellCommand.class, RetryCommand.class})
public final class Main implements Runnable {
    /** Exit code for a problem the user can fix (bad input, unreachable service). */
    static final int USER_ERROR = 2;
    /** Exit code for a bug or an unexpected failure. */
    static final int INTERNAL_ERROR = 1;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces of errors.")
    boolean verbose;

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int execute(String... args) {
        NativeBuild.select();
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Main main = new Main();
        CommandLine cli = new CommandLine(main);
        cli.setCaseInsensitiveEnumValuesAllowed(true); // --format yaml, as users type it
        cli.getSubcommands().get("train").getCommandSpec().usageMessage().footer(TrainCommand.parameterHelp());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean verbose = main.verbose || parseResult.hasMatchedOption("--verbose");
            if (e instanceof SweeperException) {
                commandLine.getErr().println("sweeper: " + TerminalText.escape(e.getMessage()));
                if (verbose) {
                    e.printStackTrace(commandLine.getErr());
                }
                return USER_ERROR;
            }
            commandLine.getErr().println("sweeper: unexpected error: " + TerminalText.escape(e.toString())
                    + (verbose ? "" : " (run with --verbose for details)"));
            if (verbose) {
                e.printStackTrace(commandLine.getErr());
            }
            return INTERNAL_ERROR;
        });
        return cli.execute(args);
    }
}
