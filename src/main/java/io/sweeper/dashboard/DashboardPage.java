package io.sweeper.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML text of a dashboard: {@code dashboards/dashboard.html} with its {@code %%NAME%%}
 * slots filled in one pass (so a sweep named {@code %%APP%%} stays a name): the styles, ECharts
 * from its WebJar, the page's script and the data. The data is JSON inside a
 * {@code <script type="application/json">}, with {@code <}, {@code >}, {@code &} and the two
 * JavaScript line separators written as escapes, so no value can close the element. The
 * Content-Security-Policy allows exactly the two inline scripts (by their SHA-256) and nothing
 * from the network.
 */
public final class DashboardPage {
    /** How often a page of a running sweep reloads itself. */
    static final int REFRESH_SECONDS = 30;
    private static final String ECHARTS_POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
    private static final Pattern SLOT = Pattern.compile("%%([A-Z]+)%%");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TEMPLATE = resource("dashboards/dashboard.html");
    private static final String STYLE = resource("dashboards/dashboard.css");
    private static final String APP = resource("dashboards/dashboard.js");
    private static final String ECHARTS = resource("META-INF/resources/webjars/echarts/" + echartsVersion() + "/dist/echarts.min.js");

    private DashboardPage() {
    }

    static String html(ObjectNode data) {
        boolean live = data.path("live").asBoolean();
        Map<String, String> slots = Map.of(
                "CSP", "default-src 'none'; script-src " + hash(ECHARTS) + " " + hash(APP)
                        + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'",
                "REFRESH", live ? "<meta http-equiv=\"refresh\" content=\"" + REFRESH_SECONDS + "\">" : "",
                "STYLE", STYLE,
                "ECHARTS", ECHARTS,
                "APP", APP,
                "DATA", scriptSafeJson(data));
        Matcher slot = SLOT.matcher(TEMPLATE);
        StringBuilder page = new StringBuilder(TEMPLATE.length() + ECHARTS.length() + (1 << 16));
        while (slot.find()) {
            String value = slots.get(slot.group(1));
            if (value == null) {
                throw new IllegalStateException("dashboards/dashboard.html has an unknown slot " + slot.group());
            }
            slot.appendReplacement(page, Matcher.quoteReplacement(value));
        }
        slot.appendTail(page);
        return page.toString();
    }

    /** JSON that cannot end its {@code <script>} element or be read as HTML, whatever its strings hold. */
    static String scriptSafeJson(ObjectNode data) {
        try {
            return JSON.writeValueAsString(data)
                    .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                    .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dashboard data that is not JSON", e);
        }
    }

    /** A CSP source allowing one inline script: {@code 'sha256-…'} of its exact text. */
    static String hash(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    private static String echartsVersion() {
        Properties pom = new Properties();
        try (InputStream in = stream(ECHARTS_POM)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static String resource(String name) {
        try (InputStream in = stream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the class path", e);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = DashboardPage.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path: the build packs it (pom.xml resources)");
        }
        return in;
    }
}
