"use client";

import { useCallback, useEffect, useRef, type KeyboardEvent, type RefObject } from "react";
import type { ReaderStore } from "../data/reader-store";
import { revealPanel } from "../highlights/layer-dom";
import { useDrawerMode } from "./use-drawer-mode";

type DrawerHelpers = typeof import("./panel-drawer");

export interface PanelPlacement {
  /** The panel is a drawer (a modal dialog) over the text: the reader on a narrow screen. */
  drawer: boolean;
  /** Shows the panel (opening the drawer or a compared column's panel) and brings it into view. */
  showPanel: () => void;
  /** Opens the drawer from its button, focus moving into it. */
  openDrawer: (button: HTMLElement | null) => void;
  /** Closes the drawer, giving focus back to what opened it (or to the drawer's button). */
  closeDrawer: () => void;
  /** Moves focus into the open drawer (once its helpers are there: they load with the page). */
  focusIntoDrawer: () => void;
  /** The drawer's keys: Escape closes it, Tab stays inside. */
  onDrawerKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

/**
 * Where the panel is and how focus moves in and out of it: beside the text, below it in a compared
 * column behind a toggle, or (the reader on a narrow screen) a drawer whose focus helpers load only
 * where it is one. Whether it is open is the store's (`panelOpen`); this does the page's part.
 */
export function usePanelPlacement(
  store: ReaderStore,
  variant: "reader" | "compare",
  panelRoot: RefObject<HTMLElement | null>,
  drawerButton: RefObject<HTMLElement | null>,
): PanelPlacement {
  const drawer = useDrawerMode() && variant === "reader";
  /** What had focus when the drawer opened: it gets it back when the drawer closes. */
  const drawerOrigin = useRef<HTMLElement | null>(null);
  const helpers = useRef<DrawerHelpers | null>(null);
  useEffect(() => {
    if (!drawer || helpers.current) return;
    void import("./panel-drawer").then((loaded) => {
      helpers.current = loaded;
    });
  }, [drawer]);

  const focusIntoDrawer = useCallback(() => {
    const move = (loaded: DrawerHelpers) => {
      helpers.current = loaded;
      if (panelRoot.current) loaded.focusDrawer(panelRoot.current);
    };
    if (helpers.current) move(helpers.current);
    else void import("./panel-drawer").then(move);
  }, [panelRoot]);

  const showPanel = useCallback(() => {
    // Opening the drawer: what has focus now gets it back when it closes.
    if (drawer && !drawerOrigin.current) {
      const active = document.activeElement;
      const outside = active instanceof HTMLElement && !panelRoot.current?.contains(active);
      drawerOrigin.current = outside && active !== document.body ? active : null;
    }
    store.dispatch({ type: "panelOpened" });
    requestAnimationFrame(() => {
      if (panelRoot.current && !drawer) revealPanel(panelRoot.current);
    });
  }, [store, drawer, panelRoot]);

  const openDrawer = useCallback(
    (button: HTMLElement | null) => {
      drawerOrigin.current = button;
      store.dispatch({ type: "panelOpened" });
      focusIntoDrawer();
    },
    [store, focusIntoDrawer],
  );

  const closeDrawer = useCallback(() => {
    store.dispatch({ type: "panelClosed" });
    const origin = drawerOrigin.current;
    drawerOrigin.current = null;
    requestAnimationFrame(() => {
      if (origin?.isConnected && origin.getClientRects().length > 0) origin.focus();
      else drawerButton.current?.focus();
    });
  }, [store, drawerButton]);

  const onDrawerKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      // A form's or a field's own Escape (cancel, leave the link field) comes first.
      if (event.key === "Escape" && !event.defaultPrevented) {
        event.preventDefault();
        closeDrawer();
      } else {
        helpers.current?.keepTabInside(event);
      }
    },
    [closeDrawer],
  );

  return { drawer, showPanel, openDrawer, closeDrawer, focusIntoDrawer, onDrawerKeyDown };
}
