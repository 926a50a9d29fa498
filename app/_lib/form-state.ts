import type { ActionState } from "@/lib/http/action-state";

/**
 * What a form's server action returns: the shared `ActionState` (i18n keys of what went wrong or of
 * a notice), plus values for messages that take arguments ("Try again in {minutes} minutes").
 */
export type FormState = ActionState & { values?: Record<string, string | number> };

/** A server action as `useActionState` calls it. */
export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

/** A successful result, with the i18n key (under "notices") of what to announce. */
export function done(message?: string, value?: string): FormState {
  return { status: "ok", message, value };
}

/** A form field's text, or "" when the field is missing (a file, or a tampered form). */
export function textField(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** The named text fields of a form as an object, for the zod schema of the service that gets it. */
export function textFields<K extends string>(formData: FormData, names: readonly K[]): Record<K, string> {
  return Object.fromEntries(names.map((name) => [name, textField(formData, name)])) as Record<K, string>;
}

/**
 * Rows a form sends as indexed fields (`criteria.0.title`, `criteria.1.title`, …), as an array of
 * objects of the named fields, for a zod schema of an array. Rows whose `required` fields are all
 * empty (a blank row left at the end of the form) are left out.
 */
export function indexedRows<K extends string>(
  formData: FormData,
  prefix: string,
  names: readonly K[],
  required: readonly K[] = names,
): Record<K, string>[] {
  const indexes = new Set<number>();
  for (const key of formData.keys()) {
    const match = new RegExp(`^${prefix}\\.(\\d{1,3})\\.`, "u").exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .map((i) => Object.fromEntries(names.map((n) => [n, textField(formData, `${prefix}.${i}.${n}`)])))
    .filter((row) => required.some((n) => row[n]!.trim() !== "")) as Record<K, string>[];
}
