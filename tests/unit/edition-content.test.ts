/**
 * The editions an instance keeps (lib/annotations/edition-content.ts): each read once however many
 * readers ask, together or later; an unknown or failed read not kept; the least recently used let go
 * past the limit.
 */
import { describe, expect, it } from "vitest";
import { editionContent, editionContentFigures } from "@/lib/annotations/edition-content";

/** A database of editions `{id: text}`, one passage each, counting the reads. */
function database(texts: Record<string, string>, fail = new Set<string>()) {
  const reads: string[] = [];
  const client = {
    edition: {
      findUnique: async ({ where: { id } }: { where: { id: string } }) => {
        reads.push(id);
        await Promise.resolve();
        if (fail.has(id)) throw new Error("connection lost");
        const text = texts[id];
        return text === undefined ? null : { text, passages: [{ number: 1, start: 0, end: text.length }] };
      },
    },
  };
  return { client: client as unknown as Parameters<typeof editionContent>[0], reads };
}

const unique = () => `e-${Math.random().toString(36).slice(2)}`;

describe("the editions an instance keeps", () => {
  it("reads an edition once for readers asking together and for those asking later", async () => {
    const id = unique();
    const { client, reads } = database({ [id]: "Rząd RP przekracza granicę." });
    const together = await Promise.all(Array.from({ length: 30 }, () => editionContent(client, id)));
    expect(together.every((content) => content === together[0])).toBe(true);
    expect(together[0]).toEqual({
      text: "Rząd RP przekracza granicę.",
      passages: [{ number: 1, start: 0, end: 27 }],
    });
    expect(await editionContent(client, id)).toBe(together[0]);
    expect(reads).toEqual([id]);
  });

  it("keeps no answer for an unknown edition or a failed read: the next asks the database again", async () => {
    const [missing, failing] = [unique(), unique()];
    const { client, reads } = database({ [failing]: "Tekst." }, new Set([failing]));
    expect(await editionContent(client, missing)).toBeNull();
    await expect(editionContent(client, failing)).rejects.toThrow("connection lost");
    await Promise.resolve();
    expect(await editionContent(client, missing)).toBeNull();
    await expect(editionContent(client, failing)).rejects.toThrow("connection lost");
    expect(reads).toEqual([missing, failing, missing, failing]);
  });

  it("lets the least recently used editions go past 20 million characters, keeping the one just used", async () => {
    const ids = Array.from({ length: 5 }, unique);
    const texts = Object.fromEntries(ids.map((id) => [id, "x".repeat(6_000_000)]));
    const { client, reads } = database(texts);
    for (const id of ids.slice(0, 3)) await editionContent(client, id);
    // The first is used again: the second is now the least recently used.
    await editionContent(client, ids[0]!);
    await editionContent(client, ids[3]!);
    expect(editionContentFigures().characters).toBeLessThanOrEqual(20_000_000);
    await editionContent(client, ids[0]!);
    await editionContent(client, ids[2]!);
    await editionContent(client, ids[3]!);
    expect(reads).toEqual([ids[0], ids[1], ids[2], ids[3]]);
    await editionContent(client, ids[1]!);
    expect(reads.at(-1)).toBe(ids[1]);
  });
});
