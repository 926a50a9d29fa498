/**
 * How soon a reader page shows its text and its highlights, measured inside headless Chromium from
 * the start of navigation (`performance.now()`), for one signed-in user.
 */
import { chromium, type Browser, type Page } from "@playwright/test";
import { percentile } from "./measure-http.ts";
import type { SessionCookie } from "./sign-in.ts";

export interface ReaderRun {
  /** First contentful paint. */
  firstContentfulPaint: number | null;
  /** Two animation frames after the first sentence (`#s-1`) is in the page: it has been painted. */
  textShown: number;
  /**
   * Two animation frames after every highlight is drawn, by whichever comes first: the page's
   * inline script (CSS Custom Highlight API, before hydration) or the annotation layer's marks;
   * null: never.
   */
  highlightsPainted: number | null;
  /** Two animation frames after the annotation layer (React, interactive) has rendered its marks. */
  layerReady: number | null;
  /** Ranges the page's script painted (0 when it painted nothing, e.g. no Highlight API). */
  prepaintRanges: number;
  /** `<mark>` elements in the page once the highlights are painted. */
  marks: number;
  /** Requests for the annotation index: 1 when the page's preload is used, 2 when it is fetched again. */
  indexRequests: number;
  /** When the (first) index response had arrived in full; null: no index request. */
  indexArrived: number | null;
}

export interface ReaderFigures {
  runs: ReaderRun[];
  /** Medians over the runs (highlight figures only over runs where the layer became ready). */
  firstContentfulPaint: number | null;
  textShown: number;
  highlightsPainted: number | null;
  layerReady: number | null;
  prepaintRanges: number;
  /** highlightsPainted − textShown, per run, then the median. */
  highlightsAfterText: number | null;
  marks: number;
  /** The most index requests of any visit. */
  indexRequests: number;
  indexArrived: number | null;
}

/** How long later visits wait for the ready signal once the warm-up visit never got it. */
const NO_SIGNAL_WAIT_MS = 1_000;

/** The layer's signal that the annotation list is rendered into `<mark>` elements. */
export const READY_SELECTOR = '[data-annotations-ready="true"]';

interface Probe {
  fcp?: number;
  textShown?: number;
  ready?: number;
  prepainted?: number;
  prepaintRanges?: number;
  marks?: number;
}

/**
 * Runs in each page before any of its scripts: records first contentful paint, and when `#s-1` and
 * the ready signal appear (a MutationObserver sees them as soon as they are in the document), the
 * time two animation frames later, i.e. once a frame containing them has been painted. Plain
 * JavaScript in a string: tsx would add helpers to a compiled function that the page does not have.
 */
const PROBE_SCRIPT = `(() => {
  const probe = (window.__glossaBench = {});
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name === "first-contentful-paint") probe.fcp = entry.startTime;
  }).observe({ type: "paint", buffered: true });
  const afterPaint = (record) =>
    requestAnimationFrame(() => requestAnimationFrame(() => record(performance.now())));
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name === "glossa:highlights-prepainted") {
        probe.prepaintRanges = entry.detail.ranges;
        afterPaint((time) => (probe.prepainted = time));
      }
  }).observe({ type: "mark", buffered: true });
  let sawText = false;
  let sawReady = false;
  const check = () => {
    if (!sawText && document.getElementById("s-1")) {
      sawText = true;
      afterPaint((time) => (probe.textShown = time));
    }
    if (!sawReady && document.querySelector(${JSON.stringify(READY_SELECTOR)})) {
      sawReady = true;
      afterPaint((time) => {
        probe.ready = time;
        probe.marks = document.querySelectorAll("mark").length;
      });
    }
    if (sawText && sawReady) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["id", "data-annotations-ready"],
  });
  check();
})();`;

type ProbedWindow = Window & { __glossaBench?: Probe };

async function measureOnce(page: Page, url: string, readyTimeoutMs: number): Promise<ReaderRun> {
  let indexRequests = 0;
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.endsWith("/annotations/index")) indexRequests += 1;
  });
  await page.goto(url, { waitUntil: "commit" });
  // Functions, not strings: the app's Content-Security-Policy forbids evaluating strings.
  await page.waitForFunction(() => (window as ProbedWindow).__glossaBench?.textShown !== undefined, null, {
    timeout: 30_000,
  });
  const ready = await page
    .waitForFunction(() => (window as ProbedWindow).__glossaBench?.ready !== undefined, null, {
      timeout: readyTimeoutMs,
    })
    .then(
      () => true,
      () => false,
    );
  const probe = await page.evaluate(() => ({ ...(window as ProbedWindow).__glossaBench }));
  const indexArrived = await page.evaluate(() => {
    const entry = performance
      .getEntriesByType("resource")
      .find((e) => new URL(e.name).pathname.endsWith("/annotations/index")) as
      PerformanceResourceTiming | undefined;
    return entry ? entry.responseEnd : null;
  });
  const painted = [probe.prepainted, ready ? probe.ready : undefined].filter((t) => t !== undefined);
  return {
    indexRequests,
    indexArrived,
    firstContentfulPaint: probe.fcp ?? null,
    textShown: probe.textShown!,
    highlightsPainted: painted.length ? Math.min(...painted) : null,
    layerReady: ready ? probe.ready! : null,
    prepaintRanges: probe.prepaintRanges ?? 0,
    marks: ready ? probe.marks! : await page.locator("mark").count(),
  };
}

function median(values: number[]): number | null {
  return values.length
    ? percentile(
        [...values].sort((a, b) => a - b),
        50,
      )
    : null;
}

/** Starts the system Chromium the way the end-to-end tests do. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
}

/**
 * Opens `url` as the user of `cookie`: one warm-up visit (not counted), then `runs` visits, each in a
 * fresh page of the same browser context (like a reader coming back). Waits up to `readyTimeoutMs`
 * per visit for the highlights.
 */
export async function measureReader(
  browser: Browser,
  options: {
    url: string;
    cookie: SessionCookie;
    runs: number;
    readyTimeoutMs: number;
    /** Runs before each visit (the warm-up included), outside the time measured. */
    before?: () => Promise<void>;
  },
): Promise<ReaderFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-GB" });
  try {
    await context.addCookies([{ ...options.cookie, url: new URL(options.url).origin }]);
    await context.addInitScript({ content: PROBE_SCRIPT });
    const runs: ReaderRun[] = [];
    let readyTimeoutMs = options.readyTimeoutMs;
    for (let i = 0; i <= options.runs; i++) {
      await options.before?.();
      const page = await context.newPage();
      try {
        const run = await measureOnce(page, options.url, readyTimeoutMs);
        if (i > 0) runs.push(run);
        // No ready signal on the warm-up visit: the others still time the text, without waiting long.
        else if (run.highlightsPainted === null) readyTimeoutMs = NO_SIGNAL_WAIT_MS;
      } finally {
        await page.close();
      }
    }
    return summarize(runs);
  } finally {
    await context.close();
  }
}

function summarize(runs: ReaderRun[]): ReaderFigures {
  const painted = runs.filter((run) => run.highlightsPainted !== null);
  return {
    runs,
    firstContentfulPaint: median(runs.flatMap((run) => run.firstContentfulPaint ?? [])),
    textShown: median(runs.map((run) => run.textShown))!,
    highlightsPainted: median(painted.map((run) => run.highlightsPainted!)),
    layerReady: median(runs.flatMap((run) => run.layerReady ?? [])),
    prepaintRanges: median(runs.map((run) => run.prepaintRanges))!,
    highlightsAfterText: median(painted.map((run) => run.highlightsPainted! - run.textShown)),
    marks: median(runs.map((run) => run.marks))!,
    indexRequests: Math.max(0, ...runs.map((run) => run.indexRequests)),
    indexArrived: median(runs.flatMap((run) => run.indexArrived ?? [])),
  };
}
