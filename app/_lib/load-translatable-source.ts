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
 * `getTranslatableSource` for pages, as the signed-in user: null when there is no such source or they
 * may not add a translation to it, as the revise page does.
 */
export async function loadTranslatableSource(slug: string): Promise<TranslatableSource | null> {
  return orNull(async () => getTranslatableSource(await getActor(), slug));
}

/** `getTranslationToRevise` for pages, as the signed-in user: null as loadTranslatableSource. */
export async function loadTranslationToRevise(
  slug: string,
): Promise<{ source: TranslatableSource; translation: TranslationToRevise | null } | null> {
  return orNull(async () => getTranslationToRevise(await getActor(), slug));
}
