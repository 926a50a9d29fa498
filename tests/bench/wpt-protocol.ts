/**
 * `WPT_DIR=/path/to/wpt npm run wpt:protocol`: the W3C's own Web Annotation Protocol tests
 * (web-platform-tests, `annotation-protocol/server/server-manual.html`: the MUSTs and SHOULDs of a
 * server) run in Chromium against a group's container of the production build, from a checkout of
 * web-platform-tests (its page, `resources/testharness.js` and `common/utils.js`, served on the app's
 * origin by the browser's request routing, as the suite's own server would). The page asks for a
 * container and an annotation IRI; every request to the app carries the instructor's read-write
 * token. Two runs: the page as written, whose POST targets a web page (http://www.example.com/), and
 * the same with that POST's target replaced by a passage of the container's source, the only kind of
 * annotation a Glossa container takes (its `ldp:constrainedBy`). Prints each test that did not pass
 * with its message. Figures, not a test: the suite is not part of this repository. Needs Chromium
 * (CHROMIUM_PATH, default /usr/bin/chromium); BENCH_DATABASE_URL for a PostgreSQL server (a new
 * database, dropped afterwards), else the embedded database.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { chromium, type Page, type Route } from "@playwright/test";
import { buildIfStale } from "../../lib/cli/build-app.ts";
import { createPrismaClient } from "../../lib/db/create-prisma-client.ts";
import { freePorts } from "../support/free-ports.ts";
import { openBenchApp } from "./bench-app.ts";
import { instructorWithToken } from "./instructor-token.ts";
import { seedAnnotations } from "./seed-annotations.ts";

const root = path.resolve(import.meta.dirname, "../..");
const wptDir = process.env.WPT_DIR;
if (!wptDir) throw new Error("Set WPT_DIR to a checkout of web-platform-tests.");
const slug = "soviet-note";
const TEST_PAGE = "/annotation-protocol/server/server-manual.html";
const SUITE_FILES: Record<string, string> = {
  [TEST_PAGE]: "text/html",
  "/resources/testharness.js": "text/javascript",
  "/resources/testharnessreport.js": "text/javascript",
  "/common/utils.js": "text/javascript",
};

interface Result {
  name: string;
  status: number;
  message: string | null;
}

await buildIfStale(root);
const app = await openBenchApp({ root, port: (await freePorts(1))[0]!, readyPath: `/en/sources/${slug}` });
try {
  const { server } = app;
  const { origin } = server;
  const prisma = createPrismaClient({ connectionString: server.databaseUrl, poolMax: 1 });
  // More than two pages of notes, so that pages have next and prev.
  const seeded = await seedAnnotations(prisma, {
    sourceSlug: slug,
    annotations: 250,
    students: 5,
    replyRate: 0.1,
    longestRange: 120,
    seed: 7,
  });
  const { groupId, token } = await instructorWithToken(prisma, seeded.instructor.email, "READ_WRITE");
  const edition = await prisma.edition.findFirstOrThrow({
    where: { source: { slug } },
    orderBy: { number: "desc" },
    select: { text: true },
  });
  await prisma.$disconnect();
  const container = `${origin}/api/protocol/groups/${groupId}/sources/${slug}/`;
  const listed = (await (
    await fetch(container, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { first: { items: { id: string }[] } };
  const annotation = listed.first.items[0]!.id;
  const passage = {
    source: `${origin}/sources/${slug}`,
    selector: { type: "TextQuoteSelector", exact: edition.text.slice(200, 260) },
  };

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  try {
    for (const targetPassage of [false, true]) {
      const page = await browser.newPage();
      await page.route(`${origin}/**`, (route) => answer(route, token, targetPassage ? passage : null));
      const results = await runSuite(page, `${origin}${TEST_PAGE}`, container, annotation);
      const failed = results.filter((result) => result.status !== 0);
      console.log(
        `\nweb-platform-tests ${TEST_PAGE}, ${targetPassage ? "the POST's target a passage of the source" : "as written (the POST's target a web page)"}: ` +
          `${results.length - failed.length} of ${results.length} passed`,
      );
      for (const result of failed) console.log(`  not passed: ${result.name}\n    ${result.message ?? ""}`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
} finally {
  await app.close();
}

/** The suite's files from the checkout; every other request goes to the app with the token (and the POST's target replaced, when asked). */
async function answer(route: Route, token: string, target: object | null): Promise<void> {
  const request = route.request();
  const pathname = new URL(request.url()).pathname;
  const type = SUITE_FILES[pathname];
  if (type) {
    await route.fulfill({
      status: 200,
      contentType: type,
      body: await readFile(path.join(wptDir!, pathname)),
    });
    return;
  }
  const headers = { ...request.headers(), authorization: `Bearer ${token}` };
  if (target && request.method() === "POST") {
    const sent = JSON.parse(request.postData() ?? "{}") as Record<string, unknown>;
    await route.continue({ headers, postData: JSON.stringify({ ...sent, target }) });
    return;
  }
  await route.continue({ headers });
}

/** Opens the suite's page, gives it the container and annotation IRIs, presses Go and waits for its results. */
async function runSuite(page: Page, url: string, container: string, annotation: string): Promise<Result[]> {
  await page.goto(url);
  await page.evaluate(() => {
    const harness = window as unknown as {
      add_completion_callback(fn: (tests: Result[]) => void): void;
      glossaResults?: Result[];
    };
    harness.add_completion_callback((tests) => {
      harness.glossaResults = tests.map(({ name, status, message }) => ({ name, status, message }));
    });
  });
  await page.fill("#uri", container);
  await page.fill("#annotation", annotation);
  await page.click("#endpoint-submit-button");
  const done = await page.waitForFunction(
    () => (window as unknown as { glossaResults?: Result[] }).glossaResults,
    null,
    {
      timeout: 60_000,
    },
  );
  return (await done.jsonValue()) as Result[];
}
