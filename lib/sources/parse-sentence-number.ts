import { z } from "zod";

/** A sentence number in a URL: a positive integer written plainly (no sign, no leading zero). */
const SentenceNumberSchema = z
  .string()
  .regex(/^[1-9]\d{0,6}$/u)
  .transform(Number);

/** The sentence number named by a URL segment such as "3", or null if the segment is not one. */
export function parseSentenceNumber(segment: string): number | null {
  const parsed = SentenceNumberSchema.safeParse(segment);
  return parsed.success ? parsed.data : null;
}
