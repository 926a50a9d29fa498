import { expect, person, test } from "./account-fixtures";
import { card, createSeminar, openSource, panel, selectText, sourceText } from "./annotation-fixtures";
import { expectNoAxeViolations } from "./fixtures";

/** The passage of the Kuty directive the student cites in a note on the Soviet note. */
const CITED = "Z bolszewikami nie walczyć";

// English-speaking browsers: the chip's locale-less link (/p/{id}) leads to the English page.
test.use({ locale: "en-GB" });

test("a student cites a passage of another source in a note, and it lists the note as citing it", async ({
  newVisitor,
  baseURL,
  browserErrors,
}) => {
  test.setTimeout(120_000);
  const seminar = await createSeminar(newVisitor, { students: ["Ala Autorka"] });
  const ala = seminar.students[0]!;
  const page = ala.page;

  // Ala makes the passage's permalink, as the reader's "Copy link" does.
  const text = sourceText("kuty-directive");
  const start = text.indexOf(CITED);
  const made = await page.request.post("/api/permalinks", {
    data: { source: "kuty-directive", editionNumber: 1, start, end: start + CITED.length },
  });
  // 201 if this made the link, 200 if another spec made the same passage's link before.
  expect([200, 201]).toContain(made.status());
  const { id } = (await made.json()) as { id: string };
  const permalink = new URL(`/en/p/${id}`, baseURL).toString();

  // She annotates the Soviet note and cites the passage through the toolbar.
  await openSource(page);
  await selectText(page, "Władimira Potiomkina");
  await page.getByRole("button", { name: "Annotate", exact: true }).click();
  const composer = panel(page).getByRole("region", { name: "New annotation" });
  await composer.getByRole("radio", { name: "Whole group" }).check();
  await composer.getByRole("textbox", { name: "Comment" }).fill("Compare the order from Kuty:");
  await composer.getByRole("button", { name: "Cite a passage" }).click();
  const field = composer.getByRole("textbox", { name: "Link to the passage" });
  await expect(field).toBeFocused();

  // A link that is not a permalink, then one to no passage, are explained.
  await field.fill("https://example.org/en/sources/kuty-directive");
  await field.press("Enter");
  await expect(composer.getByRole("alert")).toHaveText(/not a link to a passage/);
  // A link to no passage: the editor's look-up answers 404, and the field says so.
  browserErrors.expect({ status: 404, path: "/api/permalinks/Zz9Zz9Zz9Z" });
  await field.fill("/p/Zz9Zz9Zz9Z");
  await expect(composer.getByRole("alert")).toHaveText(/There is no passage at this link/);

  // The pasted permalink shows the passage before it goes in.
  await field.fill(permalink);
  const preview = composer.getByRole("figure");
  await expect(preview).toContainText(CITED);
  await expect(preview).toContainText("The Kuty Directive, sentence 2");
  await expectNoAxeViolations(page);
  await composer.getByRole("button", { name: "Insert" }).click();
  await expect(field).toHaveCount(0);
  const editorChip = composer.getByRole("textbox", { name: "Comment" }).locator("a.passage-ref");
  await expect(editorChip).toContainText("The Kuty Directive, sentence 2");
  await composer.getByRole("button", { name: "Save annotation" }).click();

  // The card shows the chip: a link to the permalink, the quotation on hover and in its name.
  const note = card(page, "Compare the order from Kuty");
  await expect(note).toBeVisible();
  const chip = note.getByRole("link", { name: /The Kuty Directive, sentence 2/ });
  await expect(chip).toHaveAttribute("href", `/p/${id}`);
  await expect(chip).toHaveAttribute("title", CITED);
  await expect(chip).toHaveAccessibleName(`The Kuty Directive, sentence 2 ${CITED}`);
  await expectNoAxeViolations(page);

  // Cited by: the note for Ala (and her seminar), nothing for an outsider or an anonymous reader.
  const citedBy = async (request: typeof page.request) => {
    const response = await request.get(`/api/permalinks/${id}/cited-by`);
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("private, no-store");
    return ((await response.json()) as { citedBy: { excerpt: string; quote: string }[] }).citedBy;
  };
  expect(await citedBy(page.request)).toEqual([
    expect.objectContaining({
      excerpt: "Compare the order from Kuty: The Kuty Directive, sentence 2",
      quote: "Władimira Potiomkina",
      source: { slug: "soviet-note" },
      author: { name: "Ala Autorka" },
    }),
  ]);
  const outsider = await newVisitor();
  await outsider.auth.register(person("Olek Obcy"));
  expect(await citedBy(outsider.page.request)).toEqual([]);
  const anonymous = await newVisitor();
  expect(await citedBy(anonymous.page.request)).toEqual([]);
  expect((await anonymous.page.request.get("/api/permalinks/Zz9Zz9Zz9Z/cited-by")).status()).toBe(404);

  // Following the chip leads to the passage's page in the reader's language.
  await chip.click();
  await expect(page).toHaveURL(new RegExp(`/en/p/${id}$`, "u"));
  // …which lists the note among those citing it, for Ala; an outsider sees none.
  const citedBySection = page.getByRole("region", { name: "Cited in 1 note" });
  await expect(citedBySection).toContainText("Note by Ala Autorka");
  await expect(citedBySection).toContainText("Compare the order from Kuty");
  await expectNoAxeViolations(page);
  await outsider.page.goto(`/en/p/${id}`);
  await expect(outsider.page.getByRole("region", { name: "Cited in notes" })).toContainText(
    "No note you can see cites this passage yet.",
  );
  await expect(outsider.page.getByText("Compare the order from Kuty")).toHaveCount(0);
});
