"""Run sweeper trials from your own Python code: a thin layer over the ``sweeper`` command line
(``create``, ``ask``, ``report``, ``tell``), with no dependencies.

A function-based W&B sweep script runs with two changed lines::

    import sweeper_client as wandb            # was: import wandb

    def train():
        with wandb.init() as run:             # run.config / wandb.config: the trial's parameters
            for epoch in range(run.config.epochs):
                wandb.log({"val/acc": evaluate(epoch)})

    sweep_id = wandb.sweep("sweep.yaml")      # or a dict; or an existing sweep's id or name
    wandb.agent(sweep_id, function=train, count=10)

Each ``log`` call records one epoch (1, 2, ...; ``step=N`` records epoch N + 1, W&B's steps start
at 0) and renews the trial's lease. When the sweep's ``early_terminate`` says stop, the trial is
recorded as pruned and ``log`` raises :class:`Pruned` (W&B has no such thing); ``agent`` and
``with init()`` catch it, so the function simply ends early. ``init(raise_on_stop=False)`` sets
``run.should_stop`` instead and ignores later logs. A function that returns ends its trial
finished; one that raises (or calls ``sys.exit`` with a non-zero code) ends it failed with the
message. Ctrl-C ends the agent without ending the trial: its lease expires and the sweep runs it
again.

The command line is ``$SWEEPER_CMD`` (split like a shell would) or ``sweeper`` on the PATH; the
store is ``--db`` as given to :func:`agent`/:func:`sweep`, else ``$SWEEPER_DB``, else sweeper's default.
"""

import json
import math
import os
import shlex
import shutil
import subprocess
import tempfile
import time

__all__ = ["Config", "Pruned", "Run", "SweeperError", "agent", "config", "finish", "init", "log", "run", "sweep"]

#: Exit codes of the command line (README, "Ask/tell").
ASK_NOTHING_LEFT = 4
ASK_LATER = 5
REPORT_STOP = 3


class SweeperError(Exception):
    """The command line refused (a message of one line, as it printed it)."""


class Pruned(Exception):
    """Early termination stopped the trial: it is recorded as pruned; stop training."""


class Config(dict):
    """The trial's parameters, as ``wandb.config``: ``config.lr`` and ``config["lr"]``."""

    def __init__(self, values=()):
        super().__init__({k: Config(v) if isinstance(v, dict) else v for k, v in dict(values).items()})

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        self[name] = value


def _command():
    given = os.environ.get("SWEEPER_CMD")
    if given:
        return shlex.split(given)
    found = shutil.which("sweeper")
    if not found:
        raise SweeperError("no sweeper command: put `sweeper` on the PATH or set SWEEPER_CMD")
    return [found]


def _call(args, db=None, ok=(0,)):
    """Runs ``sweeper ARGS``; returns (exit code, stdout). A code not in ``ok`` raises SweeperError."""
    command = _command() + list(args) + (["--db", db] if db else [])
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if done.returncode not in ok:
        lines = [l for l in done.stderr.splitlines() if l.startswith("sweeper: ")] or done.stderr.strip().splitlines()
        raise SweeperError(lines[-1] if lines else "`%s` exited with code %d" % (" ".join(command), done.returncode))
    return done.returncode, done.stdout


def _number(value):
    """A metric value as the command line reads it (Java's NaN and Infinity)."""
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return repr(value)


def _metrics(data):
    return ["%s=%s" % (k, _number(v)) for k, v in data.items()
            if isinstance(v, (int, float)) and not isinstance(v, bool)]


class Run:
    """One trial held by this process: its ``config``, ``log`` and ``finish``."""

    def __init__(self, sweep_id, answer, db=None, lease=600, raise_on_stop=True):
        self.sweep_id = str(sweep_id)
        self.trial = answer["trial"]
        self.attempt = answer["attempt"]
        self.id = "%s/%s" % (answer["sweep"], self.trial)
        self.config = Config(answer["params"])
        self.dir = answer["trial_dir"]
        self.resume_epoch = answer.get("resume_epoch", 0)
        self.summary = {}  # numbers set here are recorded with the last epoch when the run finishes
        self.should_stop = False
        self.stop_reason = None
        self.ended = False
        self._token = answer["lease"]["token"]
        self._db = db
        self._lease = lease
        self._raise_on_stop = raise_on_stop
        self._epoch = 0

    def _lease_args(self):
        return ["--lease-token", self._token, "--lease", str(self._lease)]

    def log(self, data, step=None, commit=None):
        """Records one epoch of ``data``'s numbers; raises :class:`Pruned` when early termination says stop."""
        if self.ended:
            return
        self._epoch = step + 1 if step is not None else self._epoch + 1
        code, out = _call(["report", self.sweep_id, str(self.trial), "--epoch", str(self._epoch)]
                          + _metrics(data) + self._lease_args(), self._db, ok=(0, REPORT_STOP))
        if code == REPORT_STOP:
            self.ended = True
            self.should_stop = True
            self.stop_reason = json.loads(out).get("reason")
            if self._raise_on_stop:
                raise Pruned(self.stop_reason)

    def finish(self, exit_code=0, quiet=None):
        """Ends the trial: finished, or failed when ``exit_code`` is not 0."""
        if exit_code:
            self.fail("exit code %s" % exit_code)
        else:
            self._tell("finished", _metrics(self.summary))

    def fail(self, reason):
        """Ends the trial failed, ``reason`` being its error."""
        self._tell("failed", ["--reason", reason])

    def _tell(self, state, extra=()):
        if self.ended:
            return
        self.ended = True
        _call(["tell", self.sweep_id, str(self.trial), state] + list(extra) + self._lease_args(), self._db)

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if kind is Pruned:
            return True
        if kind is None or (issubclass(kind, SystemExit) and not error.code):
            self.finish()
        elif not issubclass(kind, KeyboardInterrupt):
            self.fail(_describe(error))
        return False


def _describe(error):
    if isinstance(error, SystemExit):
        return "exit code %s" % error.code
    text = str(error).strip().splitlines()
    return type(error).__name__ + (": " + text[-1] if text else "")


#: The run ``init`` returned, as ``wandb.run``; ``config`` is its config, as ``wandb.config``.
run = None
config = Config()
_claimed = None  # the trial agent() asked for, which the function's init() takes


def _ask(sweep_id, db=None, lease=600, worker="python"):
    code, out = _call(["ask", str(sweep_id), "--lease", str(lease), "--worker", worker],
                      db, ok=(0, ASK_NOTHING_LEFT, ASK_LATER))
    return code, json.loads(out)


def _start(sweep_id, answer, db, lease, raise_on_stop=True):
    global run, config
    run = Run(sweep_id, answer, db, lease, raise_on_stop)
    config = run.config
    os.environ["SWEEPER_TRIAL_DIR"] = run.dir
    os.environ["SWEEPER_LEASE"] = run._token
    return run


def init(config=None, project=None, entity=None, raise_on_stop=True, **ignored):
    """The trial's run. Inside :func:`agent`, the trial it claimed; elsewhere a trial asked of the
    sweep named by ``$SWEEPER_SWEEP``. W&B's other arguments are accepted and ignored."""
    global _claimed
    if _claimed is not None:
        claimed, _claimed = _claimed, None
        claimed._raise_on_stop = raise_on_stop
        _defaults(claimed, config)
        return claimed
    if run is not None and not run.ended:
        return run
    sweep_id = os.environ.get("SWEEPER_SWEEP")
    if not sweep_id:
        raise SweeperError("init() outside agent(): set SWEEPER_SWEEP to the sweep's id or name")
    code, answer = _ask(sweep_id)
    if code != 0:
        raise SweeperError("sweep %s has no trial to run now (%s)" % (sweep_id, json.dumps(answer)))
    return _defaults(_start(sweep_id, answer, None, 600, raise_on_stop), config)


def _defaults(trial, defaults):
    """``init(config=…)``: the script's defaults, under the trial's parameters (as in W&B)."""
    for key, value in (defaults or {}).items():
        trial.config.setdefault(key, Config(value) if isinstance(value, dict) else value)
    return trial


def log(data, step=None, commit=None):
    """``wandb.log``: records one epoch of the current run."""
    if run is None:
        raise SweeperError("log() before init()")
    run.log(data, step)


def finish(exit_code=0, quiet=None):
    """``wandb.finish``: ends the current run."""
    if run is not None:
        run.finish(exit_code)


def sweep(sweep, project=None, entity=None, db=None, **ignored):
    """Creates a sweep from a sweep file's path or a dict (``wandb.sweep``); returns its id."""
    if isinstance(sweep, dict):
        with tempfile.NamedTemporaryFile("w", suffix=".yaml", prefix="sweep-", delete=False) as f:
            json.dump(sweep, f)  # JSON is YAML
        path = f.name
    else:
        path = str(sweep)
    try:
        return _call(["create", path], db)[1].strip()
    finally:
        if isinstance(sweep, dict):
            os.unlink(path)


def agent(sweep_id, function=None, count=None, project=None, entity=None, db=None, lease=600, wait=2.0,
          worker="python"):
    """Runs ``function`` on the sweep's trials until it has nothing left or ``count`` trials ran;
    returns how many ran. ``function`` calls :func:`init` for its run (or is given nothing, as in W&B).
    ``lease``: seconds a trial stays held between logs (a killed agent's trial runs again after it);
    ``wait``: seconds between asks while the only trials left run elsewhere; ``worker``: a label
    for this agent's trials in `sweeper show`."""
    global _claimed
    ran = 0
    while count is None or ran < count:
        code, answer = _ask(sweep_id, db, lease, worker)
        if code == ASK_NOTHING_LEFT:
            break
        if code == ASK_LATER:
            time.sleep(wait)
            continue
        trial = _start(sweep_id, answer, db, lease)
        _claimed = trial
        try:
            function()
        except Pruned:
            pass
        except (Exception, SystemExit) as error:
            if isinstance(error, SystemExit) and not error.code:
                trial.finish()
            else:
                trial.fail(_describe(error))
        else:
            trial.finish()
        finally:
            _claimed = None
        ran += 1
    return ran
