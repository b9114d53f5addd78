import fs from "node:fs";
import puppeteer, { type Browser } from "puppeteer-core";
import { env } from "./env.server";

/**
 * The one way the server starts a browser (page sourcing, PDF rendering): Debian's
 * Chromium, or CHROMIUM_PATH. Puppeteer never downloads its own (.puppeteerrc.cjs).
 */
const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

function chromiumPath(): string {
  return env().CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  return puppeteer.launch({
    executablePath,
    headless: true,
    // Containers and CI: no setuid sandbox, no GPU, and /dev/shm is often tiny.
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
}

/** Runs `work` with a fresh browser and always closes it, even when `work` throws. */
export async function withBrowser<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchBrowser();
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}
