import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { env } from "@/lib/env";
import { previewDraft, type SourcePreview } from "@/lib/sources/preview-source";
import { getRevisableSource } from "./get-revisable-source.ts";

/**
 * One step of revising a source's text before anything is saved, for those who may revise it
 * (getRevisableSource): read the edited text into a draft cut into sentences, or join or split a
 * previewed sentence, exactly as when a source is added (previewDraft, with its checks and messages).
 * Writes nothing.
 */
export async function previewRevision(
  actor: Actor,
  slug: string,
  input: unknown,
  adminEmails: readonly string[] = env.ADMIN_EMAILS,
): Promise<SourcePreview> {
  await getRevisableSource(actor, slug, adminEmails);
  return previewDraft(input);
}
