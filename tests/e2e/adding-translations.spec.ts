import type { Page } from "@playwright/test";
import { expect, test, type Visitor } from "./account-fixtures";
import { createSeminar } from "./annotation-fixtures";
import { expectNoAxeViolations } from "./fixtures";

const ORIGINAL =
  "Narada odbyła się we Lwowie. Ustalono plan ewakuacji urzędów. Zebrani rozeszli się o północy.";
/** One sentence too many: the first two belong to the original's first sentence. */
const TRANSLATION =
  "The meeting was held. It took place in Lviv. An evacuation plan was agreed. Those present left at midnight.";
/** The same translation in TEI, with a note after its second sentence. */
const TEI_TRANSLATION =
  '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Minutes</title></titleStmt>' +
  "<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body><p>" +
  "<s>The meeting was held.</s> <s>It took place in Lviv.<note>In the town hall.</note></s> " +
  "<s>An evacuation plan was agreed.</s> <s>Those present left at midnight.</s></p></body></text></TEI>";

/** A group source of three sentences, added on the add-a-source page (in English); its slug. */
async function addSource(page: Page, groupId: string): Promise<string> {
  await page.goto(`/en/groups/${groupId}/sources/new`);
  await page.getByRole("textbox", { name: /^Text/ }).fill(ORIGINAL);
  await page.getByRole("button", { name: "Preview the sentences" }).click();
  await expect(page.getByRole("heading", { name: "3 sentences" })).toBeVisible();
  await page.getByLabel("Title in Polish").fill("Protokół narady");
  await page.getByLabel("Title in English").fill(`Translated minutes ${Date.now().toString(36)}`);
  await page.getByLabel("Date of the document").fill("1939-09-20");
  await page.getByLabel("Language of the text").fill("pl");
  await page.getByRole("button", { name: "Save the source" }).click();
  // Saving writes the source and its passages: slow on a loaded machine, and the page waits for it.
  await expect(page).toHaveURL(/\/en\/sources\/translated-minutes-[a-z0-9]+$/u, { timeout: 20_000 });
  return new URL(page.url()).pathname.split("/").at(-1)!;
}

/** A new seminar's instructor with a source of three sentences in the group's library. */
async function instructorWithSource(newVisitor: () => Promise<Visitor>) {
  const seminar = await createSeminar(newVisitor, { students: [] });
  const { page } = seminar.instructor;
  return { page, slug: await addSource(page, seminar.groupId) };
}

/** Fills in the add-a-translation form (labels in the page's language) and aligns the text. */
async function alignTranslation(
  page: Page,
  labels: {
    text: RegExp;
    language: RegExp;
    label: RegExp;
    translator?: RegExp;
    align: string;
    heading: string;
  },
  label: string,
  tei = false,
) {
  if (tei) await page.getByRole("radio", { name: "TEI P5 XML" }).check();
  await page.getByRole("textbox", { name: labels.text }).fill(tei ? TEI_TRANSLATION : TRANSLATION);
  await page.getByRole("textbox", { name: labels.language }).fill("en");
  await page.getByRole("textbox", { name: labels.label }).fill(label);
  if (labels.translator) await page.getByRole("textbox", { name: labels.translator }).fill("J. Smith");
  await page.getByRole("button", { name: labels.align }).click();
  await expect(page.getByRole("heading", { name: labels.heading })).toBeFocused({ timeout: 15_000 });
}

test.describe("adding a translation", () => {
  test("an instructor pastes a TEI translation with one sentence too many and a note, joins two by keyboard, saves and reads it, with its note, beside the original", async ({
    newVisitor,
  }) => {
    // A seminar, a source added on screen, a translation aligned: ~20 s beside another worker on 2 cores.
    test.setTimeout(60_000);
    const { page, slug } = await instructorWithSource(newVisitor);
    await page.getByRole("link", { name: "Add a translation" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Add a translation:/ })).toBeVisible();

    await alignTranslation(
      page,
      {
        text: /^Text of the translation/,
        language: /^Language of the translation/,
        label: /^Label/,
        translator: /^Translated or revised by/,
        align: "Align with the original",
        heading: "Alignment",
      },
      "English (seminar)",
      true,
    );
    const status = page.getByRole("status").filter({ hasText: "sentences paired" });
    await expect(status).toContainText("3 of 3 sentences paired");
    await expect(status).toContainText("1 translation segment is left over");
    await expect(
      page.getByText("The text's 1 note is kept with the translation", { exact: false }),
    ).toBeVisible();
    await expect(page.getByRole("list", { name: "Note of segment 2" })).toHaveText("In the town hall.");
    await expectNoAxeViolations(page);

    // The join button reached and pressed from the keyboard.
    const join = page.getByRole("button", { name: "Join translation segment 1 with segment 2" });
    await join.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Alignment" })).toBeFocused({ timeout: 15_000 });
    await expect(status).toHaveText("3 of 3 sentences paired");
    // The note stays with its words, now in the first segment.
    await expect(page.getByRole("list", { name: "Note of segment 1" })).toHaveText("In the town hall.");
    const preview = page.getByRole("region", { name: /^Preview/ });
    await expect(
      preview.getByText("The meeting was held. It took place in Lviv.", { exact: true }),
    ).toBeVisible();

    await page.getByRole("button", { name: "Save the translation" }).click();
    await expect(page).toHaveURL(new RegExp(`/en/sources/${slug}$`, "u"), { timeout: 20_000 });
    await expect(page.getByRole("heading", { name: "Translation (English)" })).toBeVisible();
    await expect(page.getByText("English (seminar). Translated by J. Smith.")).toBeVisible();
    await expect(
      page.getByText("The meeting was held. It took place in Lviv.", { exact: true }),
    ).toBeVisible();
    await expect(page.getByText("Those present left at midnight.", { exact: true })).toBeVisible();
    // The note: marked after the first translated sentence, told under the text, and linked both ways.
    const notes = page.getByRole("region", { name: "Notes to the translation" });
    await expect(notes).toContainText("Translation of sentence 1");
    await expect(notes.getByText("In the town hall.", { exact: true })).toBeVisible();
    await page.getByRole("link", { name: "Translation note i", exact: true }).click();
    await expect(page).toHaveURL(/#translation-note-1$/u);
    await notes.getByRole("link", { name: "Back to the translation at translation note i" }).click();
    await expect(page).toHaveURL(/#translation-note-ref-1$/u);
    await expectNoAxeViolations(page);
  });

  test("in Polish, the page is axe clean, and saving an incomplete alignment keeps everything typed", async ({
    newVisitor,
  }) => {
    test.setTimeout(60_000);
    const { page, slug } = await instructorWithSource(newVisitor);
    await page.goto(`/pl/sources/${slug}/translations/new`);
    await alignTranslation(
      page,
      {
        text: /^Tekst przekładu/,
        language: /^Język przekładu/,
        label: /^Nazwa/,
        align: "Dopasuj do oryginału",
        heading: "Dopasowanie",
      },
      "Przekład angielski",
    );
    await page.getByRole("button", { name: "Zapisz przekład" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Pozostał" });
    await expect(alert).toContainText("Pozostał 1 nadmiarowy fragment przekładu");
    await expect(alert).toBeFocused({ timeout: 15_000 });
    await expect(page.getByRole("textbox", { name: /^Tekst przekładu/ })).toHaveValue(TRANSLATION);
    await expect(page.getByRole("textbox", { name: /^Nazwa/ })).toHaveValue("Przekład angielski");
    await expectNoAxeViolations(page);
    await expect(page).toHaveURL(new RegExp(`/pl/sources/${slug}/translations/new$`, "u"));
  });

  test("an instructor revises a word of the translation in its form, one segment per line, keeping its note, then removes it", async ({
    newVisitor,
  }) => {
    test.setTimeout(60_000);
    const { page, slug } = await instructorWithSource(newVisitor);
    await page.goto(`/en/sources/${slug}/translations/new`);
    const labels = {
      text: /^Text of the translation/,
      language: /^Language of the translation/,
      label: /^Label/,
      align: "Align with the original",
      heading: "Alignment",
    };
    await alignTranslation(page, labels, "English (seminar)", true);
    await page.getByRole("button", { name: "Join translation segment 1 with segment 2" }).click();
    await expect(page.getByRole("status").filter({ hasText: "paired" })).toHaveText(
      "3 of 3 sentences paired",
    );
    await page.getByRole("button", { name: "Save the translation" }).click();
    await expect(page).toHaveURL(new RegExp(`/en/sources/${slug}$`, "u"), { timeout: 20_000 });

    // The form starts from the translation shown: one segment per line, paired as saved.
    await page.getByRole("link", { name: "Revise or remove the translation" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Revise the translation:/ })).toBeVisible();
    const text = page.getByRole("textbox", { name: labels.text });
    await expect(text).toHaveValue(
      "The meeting was held. It took place in Lviv.\nAn evacuation plan was agreed.\nThose present left at midnight.",
    );
    await expect(page.getByRole("radio", { name: /^One segment per line/ })).toBeChecked();
    await expect(page.getByRole("status").filter({ hasText: "paired" })).toHaveText(
      "3 of 3 sentences paired",
    );
    await expectNoAxeViolations(page);

    // A word corrected but not read again: saving says so and keeps it; read again, it saves.
    await text.fill((await text.inputValue()).replace("was agreed", "was adopted"));
    await page.getByRole("button", { name: "Save the translation" }).click();
    // Focus goes to the field to correct, which says why.
    await expect(text).toBeFocused({ timeout: 15_000 });
    await expect(page.getByRole("alert").filter({ hasText: "read it again" })).toBeVisible();
    await expect(text).toHaveAccessibleDescription(/read it again/u);
    await expect(text).toHaveValue(/was adopted/u);
    const readAgain = async () => {
      await page.getByRole("button", { name: "Read the text again" }).click();
      await expect(page.getByRole("heading", { name: "Alignment" })).toBeFocused({ timeout: 15_000 });
      await expect(page.getByRole("status").filter({ hasText: "paired" })).toHaveText(
        "3 of 3 sentences paired",
      );
    };
    await readAgain();
    // The TEI note stays with its line, which was not changed; nothing is said to be left out.
    const note = page.getByRole("list", { name: "Note of segment 1" });
    await expect(note).toHaveText("In the town hall.");
    const leftOut = page.getByRole("status").filter({ hasText: "left out" });
    await expect(leftOut).toHaveCount(0);
    // Its line changed and read again, the note is left out, and the form says so.
    await text.fill((await text.inputValue()).replace("was held", "was convened"));
    await readAgain();
    await expect(leftOut).toHaveText(/^1 translator's note was on a line you changed and is left out/u);
    await expect(note).toHaveCount(0);
    await page.getByRole("button", { name: "Save the translation" }).click();
    await expect(page).toHaveURL(new RegExp(`/en/sources/${slug}$`, "u"), { timeout: 20_000 });
    await expect(page.getByText("An evacuation plan was adopted.", { exact: true })).toBeVisible();

    // Removing it, confirmed from the keyboard, brings back the one saved before.
    await page.getByRole("link", { name: "Revise or remove the translation" }).click();
    await page.getByText("Remove the translation…").focus();
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Remove the translation" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/en/sources/${slug}$`, "u"), { timeout: 20_000 });
    await expect(page.getByText("An evacuation plan was agreed.", { exact: true })).toBeVisible();
  });
});
