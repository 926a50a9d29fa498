import type { AnnotationSummary } from "../types.ts";

/**
 * A step a scope's part took when this instance brought it up to date (partSince): to which state,
 * the threads read again (added or changed) and those gone. Steps chained from a reader's state to
 * the part now are the changes the reader needs, worked out in the size of the changes, not of the
 * part: with a class writing, readers hold many states, and comparing whole parts for each pair
 * would cost readers × writes.
 */
interface Step {
  to: string;
  changed: readonly AnnotationSummary[];
  removed: readonly string[];
}

/** Steps by scope and the state they start from, least recently made out first. */
const steps = new Map<string, Step>();
const MAX_STEPS = 8_192;
/** Readers further behind than this many steps get the changes by comparing parts (or the whole index). */
const MAX_STEPS_WALKED = 128;

function stepKey(scope: string, from: string): string {
  return `${scope}|${from}`;
}

/** Remembers that the part of `scope` (its key) went from state `from` as `step` says. */
export function recordStep(scope: string, from: string, step: Step): void {
  if (from === step.to) return;
  const key = stepKey(scope, from);
  steps.delete(key);
  steps.set(key, step);
  if (steps.size > MAX_STEPS) steps.delete(steps.keys().next().value!);
}

/**
 * The changes from state `from` to `to` along the steps kept, with the states passed between them
 * (`via`, in order), or null when they do not lead there.
 */
export function changesAlongSteps(
  scope: string,
  from: string,
  to: string,
): { changed: AnnotationSummary[]; removed: string[]; via: string[] } | null {
  const latest = new Map<string, AnnotationSummary | null>();
  const via: string[] = [];
  let state = from;
  for (let walked = 0; state !== to; walked++) {
    const step = walked < MAX_STEPS_WALKED ? steps.get(stepKey(scope, state)) : undefined;
    if (!step) return null;
    for (const summary of step.changed) latest.set(summary.id, summary);
    for (const id of step.removed) latest.set(id, null);
    state = step.to;
    if (state !== to) via.push(state);
  }
  const changed: AnnotationSummary[] = [];
  const removed: string[] = [];
  for (const [id, summary] of latest) {
    if (summary) changed.push(summary);
    else removed.push(id);
  }
  return { changed, removed, via };
}
