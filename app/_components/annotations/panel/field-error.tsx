"use client";

import { useMessageText } from "../../forms/use-message-text";
import styles from "./controls.module.css";

/** The messages about one field, next to it (its id goes into the field's aria-describedby). */
export function FieldError({ id, messages }: { id: string; messages: string[] }) {
  const errorText = useMessageText("errors");
  if (messages.length === 0) return null;
  return (
    <p id={id} className={styles.fieldError}>
      {messages.map((message) => errorText(message)).join(" ")}
    </p>
  );
}
