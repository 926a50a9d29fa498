import "server-only";
import type { PrismaClient } from "@/lib/db/generated/prisma/client.ts";
import { PASSAGE_RANGES, type PassageRange } from "./place-in-edition.ts";

/** What placing annotations in an edition needs of it: its text and its sentences' ranges. */
export interface EditionContent {
  text: string;
  passages: PassageRange[];
}

type Client = Pick<PrismaClient, "edition">;

/**
 * Characters of the editions kept (their texts, and 16 per passage for its ranges): about 40 MB of
 * memory, 40 editions at the size limit, every built-in source many times over.
 */
const KEPT_CHARACTERS = 20_000_000;

interface Kept {
  content: Promise<EditionContent | null>;
  size: number;
}

/** The editions kept, most recently used last, and their size; shared across a development server's reloads. */
const globalForContent = globalThis as unknown as {
  glossaEditionContent?: { entries: Map<string, Kept>; size: number };
};
const state = (globalForContent.glossaEditionContent ??= { entries: new Map(), size: 0 });
const kept = state.entries;

/**
 * The text and passages of the edition `id` (null: no such edition). Editions never change (a
 * revision is a new edition, with a new id), so what was read of one holds on every instance for
 * ever, and each instance reads one edition once while it is kept (at most KEPT_CHARACTERS, the
 * least recently used going first): a class of 300 reading a 500,000-character text holds it once,
 * not once per reader, and opening their indexes, their live connections and their new notes no
 * longer carries it from the database each time. Readers asking together wait for the same read.
 */
export function editionContent(client: Client, id: string): Promise<EditionContent | null> {
  const found = kept.get(id);
  if (found) {
    kept.delete(id);
    kept.set(id, found);
    return found.content;
  }
  const entry: Kept = { content: read(client, id), size: 0 };
  kept.set(id, entry);
  entry.content.then(
    (content) => {
      if (!content) {
        if (kept.get(id) === entry) kept.delete(id);
        return;
      }
      if (kept.get(id) !== entry) return;
      entry.size = content.text.length + content.passages.length * 16;
      state.size += entry.size;
      evict();
    },
    () => {
      if (kept.get(id) === entry) kept.delete(id);
    },
  );
  return entry.content;
}

/**
 * `edition` (a row with its id, as a query selected it) with its text and passages (editionContent);
 * null when there is no such row, or the edition is gone.
 */
export async function withEditionContent<Row extends { id: string }>(
  client: Client,
  edition: Row | null | undefined,
): Promise<(Row & EditionContent) | null> {
  const content = edition ? await editionContent(client, edition.id) : null;
  return edition && content ? { ...edition, ...content } : null;
}

async function read(client: Client, id: string): Promise<EditionContent | null> {
  const row = await client.edition.findUnique({
    where: { id },
    select: { text: true, passages: PASSAGE_RANGES },
  });
  return row && { text: row.text, passages: row.passages };
}

function evict(): void {
  for (const [id, entry] of kept) {
    // The newest is kept even when alone over the limit: it is being read.
    if (state.size <= KEPT_CHARACTERS || kept.size <= 1) return;
    kept.delete(id);
    state.size -= entry.size;
  }
}

/** How many editions and characters this instance keeps: for tests and benchmarks. */
export function editionContentFigures(): { editions: number; characters: number } {
  return { editions: kept.size, characters: state.size };
}
