package io.sweeper.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One page of a headless Chromium driven over the DevTools protocol (a WebSocket; Java's own
 * client): navigate, run JavaScript in the page, take full-page screenshots, and hear what the
 * page did — console errors, uncaught exceptions, Content-Security-Policy violations and every
 * request it made. Where {@link HeadlessChromium} renders a page once, this one can act on it.
 */
public final class ChromiumPage implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    /** A page of 10,000 trials draws for a while on a loaded two-core machine. */
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(5);
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

    private ChromiumPage(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts Chromium (as {@link HeadlessChromium#installed} finds it) with one blank page of {@code width}×{@code height}. */
    public static ChromiumPage start(int width, int height) throws Exception {
        Path binary = HeadlessChromium.binary();
        Path profile = Files.createTempDirectory("sweeper-chromium-");
        Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--remote-debugging-port=0", "--window-size=" + width + "," + height, "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String browser = browserEndpoint(process);
        URI http = URI.create(browser.replaceFirst("^ws://", "http://").replaceFirst("/devtools/.*$", "/json/list"));
        HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(http).build(),
                HttpResponse.BodyHandlers.ofString());
        String pageSocket = null;
        for (JsonNode target : JSON.readTree(list.body())) {
            if ("page".equals(target.path("type").asText())) {
                pageSocket = target.get("webSocketDebuggerUrl").asText();
            }
        }
        if (pageSocket == null) {
            process.destroyForcibly();
            throw new IllegalStateException("Chromium opened no page: " + list.body());
        }
        Listener listener = new Listener();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(pageSocket), listener).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        ChromiumPage page = new ChromiumPage(process, profile, socket);
        listener.page = page;
        for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
            page.call(domain + ".enable", JSON.createObjectNode());
        }
        return page;
    }

    /** Reads Chromium's error output up to the line that says where its DevTools endpoint listens. */
    private static String browserEndpoint(Process process) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = err.readLine(); line != null; line = err.readLine()) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                // keep draining, or Chromium blocks once the pipe is full
                Thread drain = new Thread(() -> err.lines().forEach(l -> { }), "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("Chromium ended before its DevTools endpoint was up:\n" + seen);
    }

    /** Opens {@code url} and waits for its load event (scripts that run at load have run). */
    public void navigate(String url) throws Exception {
        navigate(url, LOAD_TIMEOUT);
    }

    /** {@link #navigate(String)}, failing with a TimeoutException if the page has not loaded within {@code timeout}. */
    public void navigate(String url, Duration timeout) throws Exception {
        loaded = new CompletableFuture<>();
        ObjectNode params = JSON.createObjectNode().put("url", url);
        call("Page.navigate", params);
        loaded.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The value of a JavaScript expression in the page (JSON-serialisable); a thrown error fails. */
    public JsonNode evaluate(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("the page threw evaluating " + expression + ": " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** A PNG of the whole page, not only the window. */
    public void screenshot(Path file) throws Exception {
        JsonNode metrics = call("Page.getLayoutMetrics", JSON.createObjectNode());
        JsonNode size = metrics.has("cssContentSize") ? metrics.get("cssContentSize") : metrics.get("contentSize");
        ObjectNode clip = JSON.createObjectNode().put("x", 0).put("y", 0).put("scale", 1)
                .put("width", size.get("width").asDouble()).put("height", size.get("height").asDouble());
        JsonNode shot = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png")
                .put("captureBeyondViewport", true).set("clip", clip));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
    }

    /** Console errors, uncaught exceptions and browser-logged errors (CSP violations among them), in order. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** The URL of every request the page made, the page itself included. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(JSON.writeValueAsString(message), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode reply = answer.get(LOAD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + " failed: " + reply.get("error"));
        }
        return reply.path("result");
    }

    private void onMessage(JsonNode message) {
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
            if (answer != null) {
                answer.complete(message);
            }
            return;
        }
        JsonNode params = message.path("params");
        switch (message.path("method").asText()) {
            case "Page.loadEventFired" -> loaded.complete(null);
            case "Network.requestWillBeSent" -> requests.add(params.path("request").path("url").asText());
            case "Runtime.exceptionThrown" -> errors.add("exception: " + params.path("exceptionDetails"));
            case "Runtime.consoleAPICalled" -> {
                if ("error".equals(params.path("type").asText())) {
                    errors.add("console.error: " + params.path("args"));
                }
            }
            case "Log.entryAdded" -> {
                if ("error".equals(params.path("entry").path("level").asText())) {
                    errors.add("log: " + params.path("entry").path("text").asText());
                }
            }
            default -> { }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        socket.abort();
        // Chromium's helper processes can still write into the profile after the main one has
        // ended (a page that worked hard leaves more to flush): wait for them all before deleting it.
        List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        for (ProcessHandle helper : helpers) {
            try {
                helper.onExit().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                helper.destroyForcibly();
            }
        }
        try (Stream<Path> paths = Files.walk(profile)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Assembles the protocol's messages (which may arrive in parts) and hands them to the page. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        volatile ChromiumPage page;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    page.onMessage(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new IllegalStateException("not a DevTools message: " + partial, e);
                } finally {
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
