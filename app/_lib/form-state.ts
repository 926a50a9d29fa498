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
