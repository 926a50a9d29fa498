import "server-only";
import { getActor } from "@/lib/auth/get-current-user";
import { isAppError } from "@/lib/http/errors";
import { getTranslatableSource, type TranslatableSource } from "@/lib/sources/get-translatable-source";
import { getTranslationToRevise, type TranslationToRevise } from "@/lib/sources/get-translation-to-revise";

/** NOT_FOUND and FORBIDDEN as null: the page then calls notFound(), so a source's existence is not revealed. */
async function orNull<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (isAppError(error, "NOT_FOUND") || isAppError(error, "FORBIDDEN")) return null;
    throw error;
  }
}

/**
 * What the translation form starts from, as the signed-in user: the source (getTranslatableSource),
 * and with `revising` the translation to revise (getTranslationToRevise). Null when there is no such
 * source or they may not add a translation to it.
 */
export async function loadTranslationForm(
  slug: string,
  revising: boolean,
): Promise<{ source: TranslatableSource; translation: TranslationToRevise | null } | null> {
  return orNull(async () => {
    const actor = await getActor();
    if (revising) return getTranslationToRevise(actor, slug);
    return { source: await getTranslatableSource(actor, slug), translation: null };
  });
}
