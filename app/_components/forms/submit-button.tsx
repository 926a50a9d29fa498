"use client";

import type { ReactNode } from "react";
import { useActionFormContext } from "./action-form";
import styles from "./forms.module.css";

interface SubmitButtonProps {
  children: ReactNode;
  /** "danger" for what removes something, "secondary" for a lesser action beside the main one. */
  variant?: "primary" | "secondary" | "danger";
}

/**
 * The submit button of an ActionForm. While the action runs it says so (aria-disabled, not
 * disabled, so it keeps the keyboard focus).
 */
export function SubmitButton({ children, variant = "primary" }: SubmitButtonProps) {
  const { pending } = useActionFormContext();
  return (
    <button type="submit" className={styles[variant]} aria-disabled={pending || undefined}>
      {children}
    </button>
  );
}
