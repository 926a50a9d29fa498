"use client";

import { useEffect } from "react";

/**
 * Brings the sentence a sentence URL names into view when the page opens (a `#s-{n}` fragment, if
 * present, has already done so and wins).
 */
export function ScrollToSentence({ elementId }: { elementId: string }) {
  useEffect(() => {
    if (window.location.hash) return;
    document.getElementById(elementId)?.scrollIntoView({ block: "center", behavior: "instant" });
  }, [elementId]);
  return null;
}
