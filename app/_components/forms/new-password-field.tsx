import { Field } from "./field";

/** The "choose a password" field of sign-up and password reset: its rules in the hint, new-password autofill. */
export function NewPasswordField({ label, hint }: { label: string; hint: string }) {
  return (
    <Field name="password" type="password" label={label} hint={hint} autoComplete="new-password" required />
  );
}
