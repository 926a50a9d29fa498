import styles from "./page-message.module.css";

/**
 * A message at the top of a page that arrived with it (after a redirect): a notice ("Your profile
 * has been saved", role="status") or an error (Auth.js's `?error=`, role="alert").
 */
export function PageMessage({ kind, children }: { kind: "notice" | "error"; children: string }) {
  return (
    <p
      role={kind === "error" ? "alert" : "status"}
      className={kind === "error" ? styles.error : styles.notice}
    >
      {children}
    </p>
  );
}
