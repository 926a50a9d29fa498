import { z } from "zod";
import { text } from "@/lib/http/input-schemas";
import { SOURCE_SLUG_PATTERN } from "@/lib/sources/source-metadata-schema";

/** Largest import file: 20,000 annotations and replies of a paragraph or two each. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Where an import goes and how it is read (the query of POST /api/imports). */
export const ImportQuerySchema = z.object(
  {
    into: text("groupNotFound").min(1, { error: "groupNotFound" }).max(100),
    visibility: z
      .enum(["private", "group", "instructors"], { error: "visibilityInvalid" })
      .default("private"),
    source: z
      .string({ error: "sourceNotFound" })
      .regex(SOURCE_SLUG_PATTERN, { error: "sourceNotFound" })
      .max(200)
      .optional()
      .or(z.literal("").transform(() => undefined)),
    locale: z.enum(["pl", "en"]).default("pl"),
  },
  { error: "invalidRequest" },
);
