import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Locator, type Page } from "@playwright/test";

/**
 * Page objects for Glossa's end-to-end tests, as small factory functions registered with
 * `test.extend` (the habit of cal.com's playwright fixtures). Each finds what a reader sees by role
 * and accessible name; the few structural hooks (`data-sentence`, `lang`, `data-twin-active`) are the
 * ones the reader's markup documents for aligned sentences.
 */

export type Locale = "pl" | "en";

/** The interface words the page objects look for, in each language. */
export const LABELS = {
  en: {
    library: "Library",
    libraryHeading: "Source library",
    sentence: (n: number) => `Sentence ${n}`,
    numbersToggle: "Sentence numbers",
    translationToggle: "Translation",
    textDisplay: "Text display",
    compareSubmit: "Compare selected",
    comparedColumns: "Sources compared",
    compareProblem: "The comparison cannot be shown",
    notFound: "Page not found",
    backToLibrary: "Back to the source library",
    skipLink: "Skip to main content",
    switchLanguage: "Przełącz na polski",
    mainNavigation: "Main navigation",
  },
  pl: {
    library: "Biblioteka",
    libraryHeading: "Biblioteka źródeł",
    sentence: (n: number) => `Zdanie ${n}`,
    numbersToggle: "Numery zdań",
    translationToggle: "Tłumaczenie",
    textDisplay: "Widok tekstu",
    compareSubmit: "Porównaj wybrane",
    comparedColumns: "Porównywane źródła",
    compareProblem: "Nie można wyświetlić porównania",
    notFound: "Nie znaleziono strony",
    backToLibrary: "Wróć do biblioteki źródeł",
    skipLink: "Przejdź do treści",
    switchLanguage: "Switch to English",
    mainNavigation: "Główna nawigacja",
  },
} as const;

/** What the library and reader show of each built-in source, in library order. */
export const SOURCES = [
  {
    slug: "pact-summary",
    title: { en: "The Non-Aggression Pact (summary)", pl: "Pakt o nieagresji (streszczenie)" },
    about: {
      en: "The Treaty of Non-Aggression between Germany and the USSR",
      pl: "Traktat o nieagresji między",
    },
    date: { en: "23 August 1939", pl: "23 sierpnia 1939" },
    place: { en: "Moscow", pl: "Moskwa" },
    issuerLabel: { en: "Signatories", pl: "Sygnatariusze" },
    issuer: {
      en: "Joachim von Ribbentrop; Vyacheslav Molotov",
      pl: "Joachim von Ribbentrop; Wiaczesław Mołotow",
    },
    length: { en: "4 sentences, 66 words", pl: "4 zdania, 66 słów" },
  },
  {
    slug: "secret-protocol",
    title: { en: "The Secret Additional Protocol", pl: "Tajny protokół dodatkowy" },
    about: {
      en: "The secret additional protocol signed with the treaty",
      pl: "Tajny protokół dodatkowy podpisany",
    },
    date: { en: "23 August 1939", pl: "23 sierpnia 1939" },
    place: { en: "Moscow", pl: "Moskwa" },
    issuerLabel: { en: "Signatories", pl: "Sygnatariusze" },
    issuer: {
      en: "Joachim von Ribbentrop; Vyacheslav Molotov",
      pl: "Joachim von Ribbentrop; Wiaczesław Mołotow",
    },
    length: { en: "4 sentences, 80 words", pl: "4 zdania, 80 słów" },
  },
  {
    slug: "kuty-directive",
    title: { en: "The Kuty Directive", pl: "Dyrektywa z Kut" },
    about: { en: "The general directive of the Commander-in-Chief", pl: "Dyrektywa ogólna Naczelnego Wodza" },
    date: { en: "17 September 1939", pl: "17 września 1939" },
    place: { en: "Kuty", pl: "Kuty" },
    issuerLabel: { en: "Issued by", pl: "Wystawca" },
    issuer: {
      en: "Marshal Edward Rydz-Śmigły, Commander-in-Chief",
      pl: "Marszałek Edward Rydz-Śmigły, Naczelny Wódz",
    },
    length: { en: "6 sentences, 149 words", pl: "6 zdań, 149 słów" },
  },
  {
    slug: "moscicki-address",
    title: { en: "President Mościcki's Kosów Address", pl: "Orędzie prezydenta Mościckiego z Kosowa" },
    about: {
      en: "The address to the nation of President Ignacy Mościcki",
      pl: "Orędzie do narodu prezydenta",
    },
    date: { en: "17 September 1939", pl: "17 września 1939" },
    place: { en: "Kosów (Kosów Huculski)", pl: "Kosów (Kosów Huculski)" },
    issuerLabel: { en: "Issued by", pl: "Wystawca" },
    issuer: {
      en: "Ignacy Mościcki, President of the Republic of Poland",
      pl: "Ignacy Mościcki, Prezydent Rzeczypospolitej Polskiej",
    },
    length: { en: "3 sentences, 77 words", pl: "3 zdania, 77 słów" },
  },
  {
    slug: "soviet-note",
    title: { en: "The Soviet Note of 17 September 1939", pl: "Nota ZSRR z 17 września 1939" },
    about: {
      en: "The note of the Soviet government, signed by Vyacheslav Molotov, People's Commissar for Foreign Affairs of the USSR, and handed in Moscow at about 3 a.m. Moscow time",
      pl: "Nota rządu sowieckiego podpisana przez Wiaczesława Mołotowa",
    },
    date: { en: "17 September 1939", pl: "17 września 1939" },
    place: { en: "Moscow", pl: "Moskwa" },
    issuerLabel: { en: "Signatory", pl: "Sygnatariusz" },
    issuer: {
      en: "Vyacheslav Molotov, People's Commissar for Foreign Affairs of the USSR",
      pl: "Wiaczesław Mołotow, ludowy komisarz spraw zagranicznych ZSRR",
    },
    length: { en: "7 sentences, 135 words", pl: "7 zdań, 135 słów" },
  },
] as const;

export type SourceSlug = (typeof SOURCES)[number]["slug"];

/** A built-in source's title in the given interface language. */
export function titleOf(slug: SourceSlug, locale: Locale = "en"): string {
  const source = SOURCES.find((s) => s.slug === slug);
  if (!source) throw new Error(`no built-in source ${slug}`);
  return source.title[locale];
}

/** The library (`/{locale}`): source cards and the compare form. */
export function createLibraryPage(page: Page) {
  let locale: Locale = "en";
  return {
    async goto(to: Locale = "en") {
      locale = to;
      const response = await page.goto(`/${to}`);
      await expect(page.getByRole("heading", { level: 1, name: LABELS[to].libraryHeading })).toBeVisible();
      return response;
    },
    /** The link to a source's reader: its title in a card heading. */
    sourceLink(title: string): Locator {
      return page.getByRole("heading", { level: 2, name: title }).getByRole("link", { name: title });
    },
    /** A source's card, named by its title. */
    sourceCard(title: string): Locator {
      return page.getByRole("article", { name: title });
    },
    compareChoice(title: string): Locator {
      return page.getByRole("checkbox", { name: title });
    },
    compareButton(): Locator {
      return page.getByRole("button", { name: LABELS[locale].compareSubmit });
    },
  };
}

/** The reader (`/{locale}/sources/{slug}[/{n}]`): numbered original beside its translation. */
export function createReaderPage(page: Page) {
  let locale: Locale = "en";
  const labels = () => LABELS[locale];
  return {
    async goto(to: Locale, slug: string, sentence?: number) {
      locale = to;
      return page.goto(`/${to}/sources/${slug}${sentence === undefined ? "" : `/${sentence}`}`);
    },
    /** Every sentence of the original (Polish) text, in order. */
    originalSentences(): Locator {
      return page.locator('[lang="pl"] > [data-sentence]');
    },
    /** Every sentence of the English working translation, in order. */
    translatedSentences(): Locator {
      return page.locator('[lang="en"] > [data-sentence]');
    },
    original(n: number): Locator {
      return page.locator(`[lang="pl"] > [data-sentence="${n}"]`);
    },
    translated(n: number): Locator {
      return page.locator(`[lang="en"] > [data-sentence="${n}"]`);
    },
    /** The margin number of sentence n: a link to that sentence's own page. */
    numberLink(n: number): Locator {
      return page.getByRole("link", { name: labels().sentence(n), exact: true });
    },
    numbersToggle(): Locator {
      return page
        .getByRole("group", { name: labels().textDisplay })
        .getByRole("button", { name: labels().numbersToggle });
    },
    translationToggle(): Locator {
      return page
        .getByRole("group", { name: labels().textDisplay })
        .getByRole("button", { name: labels().translationToggle });
    },
    /**
     * Waits until React has hydrated the reader (toggles and twin highlighting answer only then): a
     * click or hover before that would be lost, and a test would fail for the wrong reason.
     */
    async waitUntilReady() {
      await expect
        .poll(() => isHydrated(this.numbersToggle()), { message: "the reader is hydrated" })
        .toBe(true);
    },
  };
}

/** The compare view (`/{locale}/compare?s=…`). */
export function createComparePage(page: Page) {
  let locale: Locale = "en";
  return {
    async goto(to: Locale, slugs: string[]) {
      locale = to;
      const query = new URLSearchParams(slugs.map((slug) => ["s", slug]));
      return page.goto(`/${to}/compare?${query}`);
    },
    /** Which language's labels to use after arriving by the form rather than goto(). */
    useLocale(to: Locale) {
      locale = to;
    },
    columnsGroup(): Locator {
      return page.getByRole("group", { name: LABELS[locale].comparedColumns });
    },
    /** The column of one source, named by its title. */
    column(title: string): Locator {
      return this.columnsGroup().getByRole("region", { name: title });
    },
    columns(): Locator {
      return this.columnsGroup().getByRole("region");
    },
    problem(): Locator {
      return page.getByRole("region", { name: LABELS[locale].compareProblem });
    },
  };
}

/** A sign that something broke for the reader, as the browser saw it. */
interface BrowserProblem {
  /** One line for the report: what happened, where. */
  text: string;
  /** For a request of the app's own: its HTTP status (0 when it failed without one) and URL. */
  status?: number;
  url?: URL;
}

/**
 * An error a test provokes on purpose and expects to see: an answer (by `status`, and `path`, the
 * pathname with its query, exact or a pattern) or a message (console or uncaught, by `message`).
 */
export interface ExpectedBrowserError {
  status?: number;
  path?: string | RegExp;
  message?: RegExp;
}

/** What each test has to say about the errors its browsers meet (see `browserErrors`). */
export interface BrowserErrors {
  /** Watches another browser context (another person's) too, until it closes or the test ends. */
  watch(context: BrowserContext): void;
  /**
   * Declares an error this test provokes: it is not counted against the test, and it must happen
   * (an expectation nothing matched fails the test too, so allowances cannot outlive their reason).
   */
  expect(...errors: ExpectedBrowserError[]): void;
}

type Fixtures = {
  library: ReturnType<typeof createLibraryPage>;
  reader: ReturnType<typeof createReaderPage>;
  comparison: ReturnType<typeof createComparePage>;
  /**
   * Fails any test during which a page of any watched context (the test's own, and those opened by
   * the visitor fixtures) threw, logged a console error, or made a request to the app that failed
   * (no answer, or a status of 400 or more), unless the test declared that error with `expect`.
   */
  browserErrors: BrowserErrors;
};

/** The console line Chromium adds for a failed resource: the request itself is reported instead. */
const RESOURCE_FAILURE_LOG = /^Failed to load resource: /u;

/**
 * Requests cancelled on the browser's side (a page left before its fetches finished, an aborted
 * fetch, a prefetch dropped): the server failed nothing, and the reader is elsewhere by then.
 */
const CANCELLED = "net::ERR_ABORTED";

function matches(problem: BrowserProblem, expected: ExpectedBrowserError): boolean {
  if (expected.message && !expected.message.test(problem.text)) return false;
  if (expected.status !== undefined && problem.status !== expected.status) return false;
  if (expected.path !== undefined) {
    if (!problem.url) return false;
    const path = problem.url.pathname + problem.url.search;
    const pathMatches =
      typeof expected.path === "string"
        ? path === expected.path || problem.url.pathname === expected.path
        : expected.path.test(path);
    if (!pathMatches) return false;
  }
  return expected.message !== undefined || expected.status !== undefined || expected.path !== undefined;
}

function describeExpected({ status, path, message }: ExpectedBrowserError): string {
  return [status && `status ${status}`, path && `path ${String(path)}`, message && `message ${message}`]
    .filter(Boolean)
    .join(", ");
}

export const test = base.extend<Fixtures>({
  browserErrors: [
    async ({ context, baseURL }, provide) => {
      const origin = new URL(baseURL!).origin;
      const problems: BrowserProblem[] = [];
      const expected: ExpectedBrowserError[] = [];
      let ended = false;
      const ownUrl = (raw: string): URL | null => {
        const url = URL.canParse(raw) ? new URL(raw) : null;
        return url?.origin === origin ? url : null;
      };
      const watch = (watched: BrowserContext) => {
        let closed = false;
        const record = (problem: BrowserProblem) => {
          if (!ended && !closed) problems.push(problem);
        };
        watched.on("close", () => {
          closed = true;
        });
        // Only the app's own pages: another site's (the test OpenID Connect provider's login page,
        // which asks for web fonts it cannot reach here) is not the app's to answer for.
        const onOwnPage = (page: Page | null) => page !== null && ownUrl(page.url()) !== null;
        watched.on("weberror", (error) => {
          if (onOwnPage(error.page())) record({ text: `uncaught: ${error.error().message}` });
        });
        watched.on("console", (message) => {
          if (message.type() !== "error" || !onOwnPage(message.page())) return;
          const text = message.text();
          // The failed request is reported by the listeners below, with its URL and status.
          if (RESOURCE_FAILURE_LOG.test(text) && ownUrl(message.location().url)) return;
          record({ text: `console.error: ${text} (${message.location().url})` });
        });
        watched.on("response", (response) => {
          const url = ownUrl(response.url());
          if (!url || response.status() < 400) return;
          const method = response.request().method();
          record({
            text: `${response.status()} ${method} ${url.pathname}${url.search}`,
            status: response.status(),
            url,
          });
        });
        watched.on("requestfailed", (request) => {
          const url = ownUrl(request.url());
          const failure = request.failure()?.errorText ?? "failed";
          if (!url || failure === CANCELLED) return;
          record({ text: `${failure} ${request.method()} ${url.pathname}${url.search}`, status: 0, url });
        });
      };
      watch(context);
      await provide({
        watch,
        expect: (...errors) => expected.push(...errors),
      });
      ended = true;
      const unexpected = problems
        .filter((problem) => !expected.some((error) => matches(problem, error)))
        .map((problem) => problem.text);
      expect(unexpected, "errors and failed requests in the browser").toEqual([]);
      const unseen = expected
        .filter((error) => !problems.some((problem) => matches(problem, error)))
        .map(describeExpected);
      expect(unseen, "errors the test expected but the browser did not meet").toEqual([]);
    },
    { auto: true },
  ],
  library: async ({ page }, provide) => {
    await provide(createLibraryPage(page));
  },
  reader: async ({ page }, provide) => {
    await provide(createReaderPage(page));
  },
  comparison: async ({ page }, provide) => {
    await provide(createComparePage(page));
  },
});

export { expect };

/** The WCAG 2.1 A/AA rules and axe's best practices: what every page must pass. */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/** Fails with a readable list (rule, impact, elements) if axe finds any violation on the page. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // A refresh after a server action can drop the <title> for a moment while the page's metadata is
  // fetched again; what a user sees (and axe must judge) is the settled page, which has its title.
  await expect(page).toHaveTitle(/\S/u);
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    elements: violation.nodes.map((node) => node.target.join(" ")),
  }));
  expect(violations, `axe violations on ${page.url()}`).toEqual([]);
}

/** Whether React has attached its event props to the element (it is hydrated). */
export function isHydrated(element: Locator): Promise<boolean> {
  return element.evaluate((node) => Object.keys(node).some((key) => key.startsWith("__reactProps$")));
}

/** Whether the element has focus now. */
export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would; fails after
 * `maxPresses`. Returns the number of presses.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  { backwards = false, maxPresses = 60 }: { backwards?: boolean; maxPresses?: number } = {},
): Promise<number> {
  for (let presses = 1; presses <= maxPresses; presses += 1) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    if (await isFocused(target)) return presses;
  }
  throw new Error(
    `${String(target)} not reached with ${maxPresses} presses of ${backwards ? "Shift+" : ""}Tab`,
  );
}

/** Fails unless the focused element shows a focus indicator (an outline or a box shadow). */
export async function expectVisibleFocus(target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  const indicator = await target.evaluate((element) => {
    const style = getComputedStyle(element);
    return {
      outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
      boxShadow: style.boxShadow !== "none",
    };
  });
  expect(indicator.outline || indicator.boxShadow, `focus indicator on ${String(target)}`).toBe(true);
}

/** Fails unless the element is marked by the twin highlighter and painted with a background. */
export async function expectHighlighted(sentence: Locator): Promise<void> {
  await expect(sentence).toHaveAttribute("data-twin-active", "");
  await expect.poll(() => backgroundOf(sentence)).not.toBe("rgba(0, 0, 0, 0)");
}

/** Fails if the element is marked by the twin highlighter. */
export async function expectNotHighlighted(sentence: Locator): Promise<void> {
  await expect(sentence).not.toHaveAttribute("data-twin-active");
}

function backgroundOf(element: Locator): Promise<string> {
  return element.evaluate((el) => getComputedStyle(el).backgroundColor);
}
