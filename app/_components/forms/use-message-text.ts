"use client";

import { useTranslations } from "next-intl";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * Turns a key from a server action's state into text. Keys come from the server (zod messages,
 * domain errors), so an unknown one, such as zod's own wording, falls back to a general message.
 */
export function useMessageText(namespace: "errors" | "notices"): Translate {
  const t = useTranslations(namespace);
  const has = t.has as unknown as (key: string) => boolean;
  const translate = t as unknown as Translate;
  return (key, values) => {
    if (has(key)) return translate(key, values);
    return namespace === "errors" ? translate("generic") : "";
  };
}
