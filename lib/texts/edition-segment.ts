import { z } from "zod";
import { EDITION_NUMBER_PATTERN } from "./resource-id.ts";

/**
 * A URL segment naming an edition: its number, or "latest" (undefined: whichever edition is newest).
 * Anything else names no edition (404 "editionNotFound").
 */
export const EditionSegment = z
  .string({ error: "editionNotFound" })
  .max(9, { error: "editionNotFound" })
  .refine((value) => value === "latest" || EDITION_NUMBER_PATTERN.test(value), { error: "editionNotFound" })
  .transform((value) => (value === "latest" ? undefined : Number(value)));
