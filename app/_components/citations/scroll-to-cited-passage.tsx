"use client";

import { useEffect } from "react";

/**
 * Brings a permalink's passage into view when the page opens: the banner above the text with it, if
 * the banner and the passage's first sentence fit on the screen together, else that sentence alone,
 * centred. A `#…` fragment in the address, if present, has already scrolled and wins.
 */
export function ScrollToCitedPassage({ bannerId, sentenceId }: { bannerId: string; sentenceId: string }) {
  useEffect(() => {
    if (window.location.hash) return;
    const banner = document.getElementById(bannerId);
    const sentence = document.getElementById(sentenceId);
    if (!sentence) return;
    // Scrolling to the banner leaves the page's scroll padding above it.
    const padding = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
    const together = banner
      ? sentence.getBoundingClientRect().bottom - banner.getBoundingClientRect().top
      : Infinity;
    if (banner && together <= window.innerHeight - padding) {
      banner.scrollIntoView({ block: "start", behavior: "instant" });
    } else {
      sentence.scrollIntoView({ block: "center", behavior: "instant" });
    }
  }, [bannerId, sentenceId]);
  return null;
}
