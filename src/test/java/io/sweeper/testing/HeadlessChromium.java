package io.sweeper.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Debian's Chromium without a display, for tests of web UIs (MLflow's): loads a page, runs its
 * JavaScript, and returns the rendered DOM with a screenshot beside it. One Chromium process per
 * render, each with a fresh profile, so no UI state kept in local storage leaks between renders.
 *
 * <p>Waiting: {@code --virtual-time-budget} lets the page run for that much virtual time, and
 * virtual time stands still while network requests are pending, so a single-page app's REST
 * calls finish within it whatever the machine's load ({@code --run-all-compositor-stages-before-draw}
 * makes the screenshot the frame of that moment). {@link #render} still checks the DOM and
 * renders again with a doubled budget when the page is not ready, for apps that poll or animate.
 */
public final class HeadlessChromium {
    public static final int WIDTH = 1400;
    public static final int HEIGHT = 900;
    private static final Duration FIRST_BUDGET = Duration.ofSeconds(3);
    private static final int RENDERS = 4;
    /** Beyond the virtual-time budget: start-up, and the real time the page's requests take. */
    private static final Duration GRACE = Duration.ofSeconds(60);

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** A page as rendered: its DOM after the scripts ran, and where its screenshot is. */
    public record Page(String dom, Path screenshot) {
    }

    /**
     * The Chromium named by {@code SWEEPER_TEST_CHROMIUM} (scripts/test sets it from
     * {@code scripts/chromium}), else {@code chromium} on the PATH.
     */
    public static HeadlessChromium installed() {
        return new HeadlessChromium(binary());
    }

    /** The Chromium executable {@link #installed} uses. */
    static Path binary() {
        Optional<Path> binary = Optional.ofNullable(System.getenv("SWEEPER_TEST_CHROMIUM")).filter(s -> !s.isBlank())
                .map(Path::of)
                .or(() -> Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                        .map(dir -> Path.of(dir, "chromium")).filter(Files::isExecutable).findFirst());
        return binary.filter(Files::isExecutable).orElseThrow(() -> new IllegalStateException(
                "Chromium not found: run `bash scripts/chromium` (installs Debian's package) or set SWEEPER_TEST_CHROMIUM"));
    }

    /**
     * Renders {@code url} into {@code screenshot} (PNG, {@link #WIDTH}×{@link #HEIGHT}) until
     * {@code ready} accepts the DOM, with virtual-time budgets of 3, 6, 12 and 24 s; returns the
     * last render, ready or not, for the caller's assertions to explain.
     */
    public Page render(String url, Path screenshot, Predicate<String> ready) throws IOException, InterruptedException {
        Duration budget = FIRST_BUDGET;
        Page page = renderOnce(url, screenshot, budget);
        for (int i = 1; i < RENDERS && !ready.test(page.dom()); i++) {
            budget = budget.multipliedBy(2);
            page = renderOnce(url, screenshot, budget);
        }
        return page;
    }

    private Page renderOnce(String url, Path screenshot, Duration budget) throws IOException, InterruptedException {
        Files.createDirectories(screenshot.toAbsolutePath().getParent());
        Path profile = Files.createTempDirectory("sweeper-chromium-");
        try {
            Path dom = profile.resolve("dom.html");
            Path log = profile.resolve("chromium.log");
            List<String> command = List.of(binary.toString(),
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile,
                    "--window-size=" + WIDTH + "," + HEIGHT,
                    // Without it, Chromium 156 with --screenshot often never finishes on MLflow's
                    // default runs view (it waits for a frame that virtual time never produces).
                    "--run-all-compositor-stages-before-draw",
                    "--virtual-time-budget=" + budget.toMillis(),
                    "--screenshot=" + screenshot.toAbsolutePath(), "--dump-dom", url);
            Process chromium = new ProcessBuilder(command).redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
            if (!chromium.waitFor(budget.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS)) {
                chromium.destroyForcibly().waitFor();
                throw new IllegalStateException("Chromium did not finish rendering " + url + " within "
                        + budget.plus(GRACE).toSeconds() + " s");
            }
            if (chromium.exitValue() != 0) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                throw new IllegalStateException("Chromium exited with " + chromium.exitValue() + " rendering " + url + ":\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size())));
            }
            return new Page(Files.readString(dom, StandardCharsets.UTF_8), screenshot);
        } finally {
            deleteRecursively(profile);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
