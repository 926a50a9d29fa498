"use client";

import { useHydrated } from "../../../../_components/citations/use-hydrated";

/** Opens the browser's print dialog (shown once the page's script runs; Ctrl+P works without it). */
export function PrintButton({ label }: { label: string }) {
  const hydrated = useHydrated();
  if (!hydrated) return null;
  return (
    <button type="button" onClick={() => window.print()}>
      {label}
    </button>
  );
}
