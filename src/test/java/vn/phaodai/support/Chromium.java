package vn.phaodai.support;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

/** Debian's Chromium, headless, driven by its chromedriver; no network beyond localhost is asked for. */
public final class Chromium {

    private Chromium() {
    }

    public static WebDriver start() throws IOException {
        return start(1280, 900);
    }

    /** A window of the given size. Headless Chromium keeps a window at least 500 px wide: for a phone, {@link #phone}. */
    public static WebDriver start(int width, int height) throws IOException {
        return start(width, height, false);
    }

    /**
     * A phone's screen, e.g. 390 × 844: the viewport emulated at exactly that size (a plain window of 390 px is
     * silently 500 px wide in headless Chromium, so a page 450 px wide would pass for fitting a phone).
     */
    public static WebDriver phone(int width, int height) throws IOException {
        return start(width, height, true);
    }

    private static WebDriver start(int width, int height, boolean phone) throws IOException {
        ChromeOptions options = new ChromeOptions();
        if (phone) {
            options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
                    java.util.Map.of("width", width, "height", height, "pixelRatio", 1.0, "touch", true)));
        }
        options.setBinary(System.getProperty("phaodai.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + width + "," + height, "--user-data-dir=" + Files.createTempDirectory("phaodai-chromium"));
        return new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("phaodai.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build(), options);
    }
}
