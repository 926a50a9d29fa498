"use client";

import { useRef, useState } from "react";
import { type FormProblem, NO_PROBLEMS, problemsFrom } from "./form-problems";

/**
 * The state of a form that sends one request: busy while it runs (a second submit is ignored), and
 * the problems of the last attempt, from the checks made before sending or from the server.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FormProblem[]>(NO_PROBLEMS);
  const running = useRef(false);

  /** Runs `send` unless `check()` finds problems; true when it succeeded. */
  async function submit(send: () => Promise<void>, check?: () => FormProblem[]): Promise<boolean> {
    if (running.current) return false;
    const found = check?.() ?? NO_PROBLEMS;
    if (found.length > 0) {
      setProblems(found);
      return false;
    }
    running.current = true;
    setBusy(true);
    try {
      await send();
      setProblems(NO_PROBLEMS);
      return true;
    } catch (error) {
      setProblems(problemsFrom(error));
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }

  return { busy, problems, setProblems, submit };
}
