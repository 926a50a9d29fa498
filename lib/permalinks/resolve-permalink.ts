import "server-only";
import { anchor } from "@/lib/anchoring/anchor";
import { describe } from "@/lib/anchoring/describe";
import { withEditionContent } from "@/lib/annotations/edition-content";
import { sentencesOf } from "@/lib/annotations/place-in-edition";
import { type Actor, sourceReadWhere } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/http/errors";
import { PERMALINK_ID_PATTERN } from "./permalink-id.ts";
import { PERMALINK_PASSAGE_SELECT } from "./permalink-select.ts";
import { quoteHash } from "./quote-hash.ts";

export interface PassageInEdition {
  editionNumber: number;
  start: number;
  end: number;
  firstSentence: number;
  lastSentence: number;
}

export interface ResolvedPermalink {
  id: string;
  slug: string;
  /** The passage as cited, in the edition it was pinned to. */
  pinned: PassageInEdition & { quote: string };
  /** Whether the pinned edition's text there still hashes to the stored quote hash. */
  verified: boolean;
  latestEditionNumber: number;
  /** Where to show it: the latest edition if the passage was found there, else the pinned one. */
  shown: PassageInEdition;
  /** The passage is shown in a newer edition than it was cited in (found by re-anchoring). */
  movedToNewer: boolean;
  /** A newer edition exists but the passage could not be found there: shown in the pinned edition. */
  notInNewer: boolean;
}

/**
 * What a permalink points at, for the page that opens it. NOT_FOUND for a malformed or unknown id.
 * A permalink on a source `actor` may not read (a group's own source, `sourceReadWhere`) is not found.
 */
export async function resolvePermalink(id: string, actor: Actor): Promise<ResolvedPermalink> {
  if (!PERMALINK_ID_PATTERN.test(id)) throw new NotFoundError("permalinkNotFound");
  const link = await db.permalink.findFirst({
    where: { id, edition: { source: sourceReadWhere(actor) } },
    select: PERMALINK_PASSAGE_SELECT,
  });
  const pinnedEdition = await withEditionContent(db, link?.edition);
  if (!link || !pinnedEdition) throw new NotFoundError("permalinkNotFound");
  const quote = pinnedEdition.text.slice(link.start, link.end);
  const pinned = {
    editionNumber: pinnedEdition.number,
    start: link.start,
    end: link.end,
    quote,
    ...sentencesOf(pinnedEdition.passages, link.start, link.end),
  };
  const latest = await withEditionContent(
    db,
    await db.edition.findFirst({
      where: { sourceId: pinnedEdition.source.id },
      orderBy: { number: "desc" },
      select: { id: true, number: true },
    }),
  );
  // Gone between the two reads (the source was deleted): as unknown as the source now is.
  if (!latest) throw new NotFoundError("permalinkNotFound");
  let shown: PassageInEdition = pinned;
  let movedToNewer = false;
  let notInNewer = false;
  if (latest.number !== pinnedEdition.number) {
    const found = anchor(latest.text, describe(pinnedEdition.text, { start: link.start, end: link.end }));
    if (found.status === "anchored") {
      shown = {
        editionNumber: latest.number,
        start: found.start,
        end: found.end,
        ...sentencesOf(latest.passages, found.start, found.end),
      };
      movedToNewer = true;
    } else {
      notInNewer = true;
    }
  }
  return {
    id: link.id,
    slug: pinnedEdition.source.slug,
    pinned,
    verified: quoteHash(quote) === link.quoteHash,
    latestEditionNumber: latest.number,
    shown,
    movedToNewer,
    notInNewer,
  };
}
