import type { KeyboardEvent } from "react";

/*
 * Focus in the reader's drawer (use-drawer-mode.ts): loaded only on screens where the panel is a
 * drawer, after the page, so the page's first JavaScript does not grow with it.
 */

/** How many frames focus waits for the panel (loaded after the page) to draw its heading. */
const HEADING_WAIT_FRAMES = 60;

/** Moves focus into the open drawer: the panel's heading once drawn, else the drawer's first control. */
export function focusDrawer(drawer: HTMLElement): void {
  let frames = 0;
  const attempt = () => {
    if (!drawer.isConnected || drawer.contains(document.activeElement)) return;
    const heading = drawer.querySelector<HTMLElement>("h2");
    if (heading) {
      if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
      heading.focus();
    } else if (++frames < HEADING_WAIT_FRAMES) {
      requestAnimationFrame(attempt);
    } else {
      drawer.querySelector<HTMLElement>("button")?.focus();
    }
  };
  requestAnimationFrame(attempt);
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [contenteditable="true"], [tabindex]:not([tabindex="-1"])';

/**
 * Keeps Tab inside the open drawer (it is modal: the text behind it is covered): from its last
 * control Tab goes to its first, and Shift+Tab from the first to the last.
 */
export function keepTabInside(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== "Tab") return;
  const drawer = event.currentTarget;
  const controls = [...drawer.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => element.getClientRects().length > 0,
  );
  const first = controls[0];
  const last = controls.at(-1);
  if (!first || !last) return;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !drawer.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
