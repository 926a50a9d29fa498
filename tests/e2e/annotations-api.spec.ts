import { expect, test } from "./account-fixtures";
import { annotationRequest, createSeminar, listedTexts, paragraph } from "./annotation-fixtures";

/**
 * The annotation JSON API over HTTP, as a script or another client would use it: the same policy as
 * the pages (private notes reach nobody else), and a clear status and message for every bad request,
 * with nothing saved.
 */
test.describe("annotation API", () => {
  test("visibility holds over HTTP, and bad requests get 400/401/403/413/422 without saving anything", async ({
    newVisitor,
    playwright,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const seminar = await createSeminar(newVisitor, { students: ["Ala Autorka", "Bartek Kolega"] });
    const [author, classmate] = seminar.students as [
      (typeof seminar.students)[0],
      (typeof seminar.students)[0],
    ];
    const { groupId } = seminar;
    const api = author.page.request;

    const ids: Record<string, string> = {};
    for (const visibility of ["private", "instructors", "group"]) {
      const response = await api.post("/api/annotations", {
        data: annotationRequest("soviet-note", "Potiomkina", {
          groupId,
          visibility,
          text: `note-${visibility}`,
        }),
      });
      expect(response.status()).toBe(201);
      ids[visibility] = ((await response.json()) as { id: string }).id;
    }

    expect(await listedTexts(api, "soviet-note", groupId)).toEqual([
      "note-group",
      "note-instructors",
      "note-private",
    ]);
    expect(await listedTexts(seminar.instructor.page.request, "soviet-note", groupId)).toEqual([
      "note-group",
      "note-instructors",
    ]);
    expect(await listedTexts(classmate.page.request, "soviet-note", groupId)).toEqual(["note-group"]);
    const classmateList = await (
      await classmate.page.request.get(`/api/sources/soviet-note/annotations?group=${groupId}`)
    ).json();
    expect(classmateList.sentenceCounts).toEqual({ "1": 1 });
    expect(JSON.stringify(classmateList)).not.toContain("note-private");

    // A reader polling with the list's ETag gets a bodiless 304 until something changes.
    const listUrl = `/api/sources/soviet-note/annotations?group=${groupId}`;
    const etag = (await classmate.page.request.get(listUrl)).headers()["etag"]!;
    expect(etag).toMatch(/^"[\w-]+"$/u);
    const unchanged = await classmate.page.request.get(listUrl, { headers: { "If-None-Match": etag } });
    expect(unchanged.status()).toBe(304);

    // The index the reader draws highlights from, and cards asked for by id, follow the same policy.
    const indexUrl = `/api/sources/soviet-note/annotations/index?group=${groupId}`;
    const indexIds = async (request: typeof api) =>
      [
        ...((await (await request.get(indexUrl)).json()) as { annotations: { ids: string[] } }).annotations
          .ids,
      ].sort();
    expect(await indexIds(api)).toEqual(Object.values(ids).sort());
    expect(await indexIds(seminar.instructor.page.request)).toEqual([ids.group, ids.instructors].sort());
    expect(await indexIds(classmate.page.request)).toEqual([ids.group]);
    const cardsUrl = (wanted: string[]) =>
      `/api/sources/soviet-note/annotations?group=${groupId}&ids=${wanted.join(",")}`;
    const classmateCards = await classmate.page.request.get(cardsUrl(Object.values(ids)));
    expect(classmateCards.status()).toBe(200);
    expect(JSON.stringify(await classmateCards.json())).not.toMatch(/note-private|note-instructors/u);
    for (const [wanted, message] of [
      [["not an id!"], "annotationIdsInvalid"],
      [Array.from({ length: 101 }, (_, n) => `id${n}`), "tooManyAnnotationIds"],
    ] as const) {
      const refusedCards = await classmate.page.request.get(cardsUrl([...wanted]));
      expect(refusedCards.status()).toBe(422);
      expect((await refusedCards.json()).error.details.problems).toEqual([{ field: "ids", message }]);
    }

    // The private note, by its id, is not there for the instructor: not readable, not changeable.
    const instructorApi = seminar.instructor.page.request;
    expect((await instructorApi.get(`/api/annotations/${ids.private}/revisions`)).status()).toBe(404);
    expect(
      (await instructorApi.patch(`/api/annotations/${ids.private}`, { data: { tags: ["x"] } })).status(),
    ).toBe(404);
    expect((await instructorApi.delete(`/api/annotations/${ids.private}`)).status()).toBe(404);
    expect(
      (await instructorApi.post(`/api/annotations/${ids.private}/hide`, { data: { reason: "x" } })).status(),
    ).toBe(404);

    // Anonymous readers get 401 and no annotations.
    const anonymous = await playwright.request.newContext({ baseURL });
    const anonymousList = await anonymous.get(`/api/sources/soviet-note/annotations?group=${groupId}`);
    expect(anonymousList.status()).toBe(401);
    expect((await anonymous.get(indexUrl)).status()).toBe(401);
    expect(
      (
        await anonymous.post("/api/annotations", { data: annotationRequest("soviet-note", "Potiomkina") })
      ).status(),
    ).toBe(401);
    await anonymous.dispose();

    const good = annotationRequest("soviet-note", "Potiomkina", { groupId });
    const refused: [string, Parameters<typeof api.post>[1], number, string][] = [
      [
        "mismatched selectors",
        {
          data: {
            ...good,
            selectors: { ...good.selectors, quote: { ...good.selectors.quote, exact: "Mołotowa" } },
          },
        },
        422,
        "selectorMismatch",
      ],
      [
        "a body over 20,000 characters",
        { data: { ...good, body: paragraph("x".repeat(20_001)) } },
        422,
        "bodyTooLong",
      ],
      ["an unknown group", { data: { ...good, groupId: "cl0000000000000000000000" } }, 422, "groupNotFound"],
      ["a foreign edition", { data: { ...good, editionNumber: 7 } }, 422, "editionNotFound"],
      [
        "a script link",
        {
          data: {
            ...good,
            body: {
              type: "doc",
              content: [
                {
                  type: "paragraph",
                  content: [
                    {
                      type: "text",
                      text: "x",
                      marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }],
                    },
                  ],
                },
              ],
            },
          },
        },
        422,
        "linkNotAllowed",
      ],
      [
        "broken JSON",
        { data: Buffer.from("{"), headers: { "Content-Type": "application/json" } },
        400,
        "invalidJson",
      ],
      ["a form post", { form: { source: "soviet-note" } }, 400, "jsonRequired"],
      ["a huge request", { data: { ...good, padding: "x".repeat(300_000) } }, 413, "requestTooLarge"],
      [
        "another site's page",
        { data: good, headers: { Origin: "https://evil.example" } },
        403,
        "crossSiteRequest",
      ],
    ];
    for (const [name, options, status, message] of refused) {
      const response = await api.post("/api/annotations", options);
      expect(response.status(), name).toBe(status);
      expect(((await response.json()) as { error: { message: string } }).error.message, name).toBe(message);
    }
    expect(await listedTexts(api, "soviet-note", groupId)).toHaveLength(3);
  });

  test("an API client pages through a reader's list with limit and next, and a bad limit gets 422", async ({
    newVisitor,
  }) => {
    test.setTimeout(60_000);
    const seminar = await createSeminar(newVisitor, { students: ["Celina Czytelniczka"] });
    const student = seminar.students[0]!;
    const { groupId } = seminar;
    const made: string[] = [];
    for (const [n, visibility] of ["group", "private", "group", "instructors", "group"].entries()) {
      const response = await student.page.request.post("/api/annotations", {
        data: annotationRequest("soviet-note", n % 2 ? "Potiomkina" : "Grzybowskiemu", {
          groupId,
          visibility,
          text: `paged-${n}-${visibility}`,
        }),
      });
      expect(response.status()).toBe(201);
      made.push(((await response.json()) as { id: string }).id);
    }

    /** Every page from the first, following `next` (and checking the Link header says the same). */
    const walk = async (request: typeof student.page.request) => {
      const seen: string[] = [];
      let pages = 0;
      let path: string | null = `/api/sources/soviet-note/annotations?group=${groupId}&limit=2`;
      while (path) {
        const response = await request.get(path);
        expect(response.status()).toBe(200);
        const page = (await response.json()) as { annotations: { id: string }[]; next: string | null };
        expect(page.annotations.length).toBeLessThanOrEqual(2);
        seen.push(...page.annotations.map((a) => a.id));
        const link = response.headers()["link"];
        if (page.next) {
          const next = `/api/sources/soviet-note/annotations?group=${groupId}&limit=2&after=${page.next}`;
          expect(link).toBe(`<${next}>; rel="next"`);
          path = next;
        } else {
          expect(link).toBeUndefined();
          path = null;
        }
        pages += 1;
        expect(pages).toBeLessThan(10);
      }
      return { seen, pages };
    };

    // The author reads all five, oldest first, three pages of at most two.
    expect(await walk(student.page.request)).toEqual({ seen: made, pages: 3 });
    // The instructor never sees the private note, on any page.
    expect(await walk(seminar.instructor.page.request)).toEqual({
      seen: [made[0], made[2], made[3], made[4]],
      pages: 2,
    });

    for (const limit of ["0", "201", "two"]) {
      const refused = await student.page.request.get(
        `/api/sources/soviet-note/annotations?group=${groupId}&limit=${limit}`,
      );
      expect(refused.status()).toBe(422);
      expect((await refused.json()).error.details.problems).toEqual([
        { field: "limit", message: "pageLimitInvalid" },
      ]);
    }
    const badCursor = await student.page.request.get(
      `/api/sources/soviet-note/annotations?group=${groupId}&limit=2&after=nope`,
    );
    expect(badCursor.status()).toBe(422);
    expect((await badCursor.json()).error.message).toBe("pageCursorInvalid");
  });
});
