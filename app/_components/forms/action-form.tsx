"use client";

import {
  createContext,
  startTransition,
  useActionState,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from "react";
import { useTranslations } from "next-intl";
import { IDLE } from "@/lib/http/action-state";
import type { FormAction, FormState } from "../../_lib/form-state";
import { useMessageText } from "./use-message-text";
import styles from "./forms.module.css";

interface FormContextValue {
  /** Prefix of the ids of the form's fields, hints and errors. */
  formId: string;
  state: FormState;
  pending: boolean;
}

const FormContext = createContext<FormContextValue | null>(null);

/** The state of the ActionForm around a field or button. */
export function useActionFormContext(): FormContextValue {
  const context = useContext(FormContext);
  if (!context) throw new Error("A form control must be inside an ActionForm.");
  return context;
}

interface ActionFormProps {
  /** A server action taking (previous state, form data). */
  action: FormAction;
  children: ReactNode;
  /** Clears the fields after a success (a new group, a changed password). */
  resetOnSuccess?: boolean;
  className?: string;
  "aria-label"?: string;
  "aria-labelledby"?: string;
}

/**
 * A form that runs a server action and shows its result: field errors beside their fields, a summary
 * of them announced at the top (role="alert"), a success notice announced below (role="status").
 * Without JavaScript it posts the usual way and the page comes back with the same messages. With
 * JavaScript, what was typed stays in the fields after an error (React would otherwise reset them),
 * and focus goes to the first field that needs correcting.
 */
export function ActionForm({ action, children, resetOnSuccess, className, ...aria }: ActionFormProps) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE);
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  // A new alert element for each attempt, so the same error is announced again.
  const [attempt, setAttempt] = useState(0);
  const noticeText = useMessageText("notices");

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    if (state.status === "error") form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    else if (state.status === "ok" && resetOnSuccess) form.reset();
  }, [state, resetOnSuccess]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    setAttempt((n) => n + 1);
    startTransition(() => formAction(data));
  }

  const notice = state.status === "ok" && state.message ? noticeText(state.message, state.values) : "";
  return (
    <FormContext value={{ formId, state, pending }}>
      <form
        ref={formRef}
        action={formAction}
        onSubmit={submit}
        noValidate
        className={className ?? styles.form}
        aria-busy={pending || undefined}
        {...aria}
      >
        {state.status === "error" && <ErrorSummary key={attempt} state={state} />}
        {children}
        <p role="status" className={notice ? styles.notice : "visually-hidden"}>
          {notice}
        </p>
      </form>
    </FormContext>
  );
}

/** What went wrong: the one message, or a list when several fields need correcting. */
function ErrorSummary({ state }: { state: Extract<FormState, { status: "error" }> }) {
  const t = useTranslations("forms");
  const errorText = useMessageText("errors");
  const messages = [...new Set(Object.values(state.fields))];
  if (messages.length <= 1) {
    return (
      <div role="alert" className={styles.alert}>
        <p>{errorText(messages[0] ?? state.error, state.values)}</p>
      </div>
    );
  }
  return (
    <div role="alert" className={styles.alert}>
      <p>{t("errorSummary")}</p>
      <ul>
        {messages.map((message) => (
          <li key={message}>{errorText(message, state.values)}</li>
        ))}
      </ul>
    </div>
  );
}
