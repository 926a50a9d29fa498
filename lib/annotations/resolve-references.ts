import "server-only";
import type { JSONContent } from "@tiptap/core";
import { createTranslator } from "next-intl";
import type { PrismaClient } from "@/lib/db/generated/prisma/client.ts";
import { invalidField } from "@/lib/http/errors";
import { messagesFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/routing";
import { type CitedPassage, findCitedPassages } from "@/lib/permalinks/find-cited-passages";
import {
  MAX_REFERENCE_LABEL,
  MAX_REFERENCE_QUOTE,
  PASSAGE_REFERENCE,
  referenceText,
} from "./body/passage-reference.ts";

export type ReferenceClient = Pick<PrismaClient, "permalink" | "user" | "edition">;

/**
 * The cross-references of a validated body, checked and rewritten from the database: every cited
 * permalink must exist (else INVALID `referenceNotFound` on the body, and the caller saves nothing),
 * and each chip's label and quote are replaced by the passage's own (its source's title and sentence
 * numbers in the author's interface language, `User.locale`, and in each interface language for the
 * readers' pages; the cited text's language; and the pinned edition's text), so a
 * chip can never show a quotation the source does not contain. Returns the body and the distinct
 * permalink ids it cites, for the `AnnotationReference` rows. A body without chips costs no query.
 */
export async function resolveReferences(
  client: ReferenceClient,
  authorId: string,
  doc: JSONContent,
): Promise<{ doc: JSONContent; permalinkIds: string[] }> {
  const permalinkIds = [...new Set(referencesIn(doc))];
  if (permalinkIds.length === 0) return { doc, permalinkIds };
  // One after the other: `client` may be an interactive transaction, which runs one query at a time.
  const passages = await findCitedPassages(client, permalinkIds, { userId: authorId });
  if (permalinkIds.some((id) => !passages.has(id))) {
    throw invalidField("body", "referenceNotFound");
  }
  const author = await client.user.findUnique({ where: { id: authorId }, select: { locale: true } });
  const authorLocale: Locale = author?.locale === "en" ? "en" : "pl";
  const translators = {
    pl: createTranslator({ locale: "pl", messages: messagesFor("pl"), namespace: "annotations.editor" }),
    en: createTranslator({ locale: "en", messages: messagesFor("en"), namespace: "annotations.editor" }),
  };
  // "The Kuty Directive, sentence 2" / "Dyrektywa z Kut, zd. 2–3", as the editor labels a new chip.
  const labelIn = (locale: Locale, passage: CitedPassage) =>
    referenceText(
      translators[locale]("citeLabel", {
        title: passage.title[locale],
        range: passage.firstSentence === passage.lastSentence ? "single" : "many",
        first: passage.firstSentence,
        last: passage.lastSentence,
      }),
      MAX_REFERENCE_LABEL,
    );
  const rewrite = (node: JSONContent): JSONContent => {
    if (node.type === PASSAGE_REFERENCE) {
      const passage = passages.get(String(node.attrs?.permalinkId))!;
      return {
        ...node,
        attrs: {
          permalinkId: passage.id,
          label: labelIn(authorLocale, passage),
          quote: referenceText(passage.quote, MAX_REFERENCE_QUOTE),
          // Each reader's page shows the label in their own language (render-body.ts).
          labels: { pl: labelIn("pl", passage), en: labelIn("en", passage) },
          language: passage.language,
        },
      };
    }
    return node.content ? { ...node, content: node.content.map(rewrite) } : node;
  };
  return { doc: rewrite(doc), permalinkIds };
}

/** The permalink ids of a body's chips, in document order. */
function referencesIn(node: JSONContent): string[] {
  if (node.type === PASSAGE_REFERENCE) return [String(node.attrs?.permalinkId)];
  return (node.content ?? []).flatMap(referencesIn);
}
