import "server-only";
import { toActionState } from "@/lib/http/action-state";
import type { FormState } from "./form-state";

/**
 * Runs a server action's work and turns a domain error (AppError) into the form's error state, in
 * one place for every action. Anything else is rethrown: Next's redirect() and notFound() travel as
 * errors, and an unexpected failure must reach the error boundary, not be shown as a form message.
 */
export async function runAction(work: () => Promise<FormState | void>): Promise<FormState> {
  try {
    return (await work()) ?? { status: "ok" };
  } catch (error) {
    return toActionState(error);
  }
}
