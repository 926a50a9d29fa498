"use client";

import { useTranslations } from "next-intl";
import {
  lazy,
  Suspense,
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from "react";
import type { TextRange } from "@/lib/anchoring/selectors";
import type { AnnotationIndexView } from "@/lib/annotations/types";
import type { Locale, PassageView } from "@/lib/sources/types";
import { useCiting } from "../citations/citing-context";
import { useHydrated } from "../citations/use-hydrated";
import { AnnotationLayerContext, type AnnotationLayerValue } from "./annotation-layer-context";
import {
  clearPrepaint,
  flashAnnotation,
  markFocused,
  moveFocusIntoPanel,
  revealPanel,
} from "./highlights/layer-dom";
import { draftOf, editionTextOf } from "./selection/draft-selection";
import { useDrawerMode } from "./panel/use-drawer-mode";
import { threadCount } from "./data/thread-count";
import {
  markSegmentsBySentence,
  type HighlightRange,
  type PaintedText,
} from "./highlights/highlight-segments";
import type { PanelFocus } from "./reader-types";
import { useAnnotationList } from "./data/use-annotation-list";
import { useTextSelection } from "./selection/use-text-selection";
import styles from "./annotation-layer.module.css";

/**
 * Loaded on demand with React.lazy (lighter than next/dynamic, whose runtime the page's first script
 * would otherwise carry):
 *  - the buttons under a selection, when the reader first selects words;
 *  - the panel, with its rich-text editor, once the page is hydrated (it is rendered only then): the
 *    text and its highlights never wait for it, and the cached page's HTML does not depend on it.
 */
const SelectionAdder = lazy(() =>
  import("./selection/selection-adder").then((module) => ({ default: module.SelectionAdder })),
);

const AnnotationPanel = lazy(() =>
  import("./panel/annotation-panel").then((module) => ({ default: module.AnnotationPanel })),
);

interface AnnotationLayerProps {
  locale: Locale;
  sourceSlug: string;
  /** The language of the source's text (BCP 47): the panel marks its quotations with it. */
  language: string;
  editionNumber: number;
  /** The edition's passages: the text is rebuilt from them for quotes and word steps. */
  passages: PassageView[];
  /**
   * "reader": the panel beside the text (below it on narrow screens). "compare": the text is a
   * column (a region named by `labelledBy`, focusable so it can be scrolled), with the panel behind
   * a toggle under it.
   */
  variant: "reader" | "compare";
  /** Id of the heading that names the text. */
  labelledBy: string;
  /** compare: classes of the whole column (`root`) and of its scrolling text region (`text`). */
  classNames?: { root?: string; text?: string };
  /** The text: sentences rendered with AnnotatedText and SentenceTools. */
  children: ReactNode;
}

/** A draft, and how many of the reader's own annotations had its range when it started. */
interface DraftState {
  range: TextRange;
  /** When the list holds more than this, the draft has been saved and is no longer shown. */
  sameRangeMine: number;
}

/** Before the list arrives: no runs (the text stays plain) and nothing to look up. */
const NO_HIGHLIGHTS: PaintedText = { runs: new Map(), ids: () => new Map() };
const NO_COUNTS: Readonly<Record<string, number>> = {};

function listOrNull(list: ReturnType<typeof useAnnotationList>["list"]): AnnotationIndexView | null {
  return typeof list === "object" ? list : null;
}

function paintedRanges(list: AnnotationIndexView): HighlightRange[] {
  return list.annotations.flatMap((annotation) =>
    annotation.anchor.status === "anchored" && !annotation.deleted && !annotation.hidden
      ? [
          {
            id: annotation.id,
            start: annotation.anchor.start,
            end: annotation.anchor.end,
            question: annotation.kind === "question",
            mine: annotation.mine,
          },
        ]
      : [],
  );
}

function mineAt(list: AnnotationIndexView | null, range: TextRange): number {
  if (!list) return 0;
  return list.annotations.filter(
    (a) =>
      a.mine &&
      !a.deleted &&
      a.anchor.status === "anchored" &&
      a.anchor.start === range.start &&
      a.anchor.end === range.end,
  ).length;
}

/**
 * The annotations of one source in the reading view: fetches the reader's list after hydration (the
 * page is cached and the same for everyone), paints it into the sentences below it, turns a text
 * selection or a sentence button into a draft, and renders the side panel. The text itself
 * (children) is server-rendered; only its AnnotatedText and SentenceTools parts listen to this layer,
 * and only when the highlights or the draft change, never on a change of focus.
 */
export function AnnotationLayer({
  locale,
  sourceSlug,
  language,
  editionNumber,
  passages,
  variant,
  labelledBy,
  classNames,
  children,
}: AnnotationLayerProps) {
  const t = useTranslations("annotationReader");
  const { list, refresh } = useAnnotationList(sourceSlug);
  const loaded = listOrNull(list);
  // The highlights are painted first; the panel (thousands of cards, perhaps) follows without holding them up.
  const panelList = useDeferredValue(list);
  const [focus, setFocus] = useState<PanelFocus>(null);
  const [shownId, setShownId] = useState<string | null>(null);
  const [draftState, setDraftState] = useState<DraftState | null>(null);
  const [panelOpen, setPanelOpen] = useState(false);
  const textRoot = useRef<HTMLElement>(null);
  const panelRoot = useRef<HTMLDivElement>(null);
  const draftOrigin = useRef<HTMLElement | null>(null);
  // A div in the reader, the column's section in a comparison.
  const setTextRoot = useCallback((element: HTMLElement | null) => {
    textRoot.current = element;
  }, []);
  const panelId = useId();
  // Reader on a narrow screen: the panel is a drawer (a modal dialog) over the text.
  const drawer = useDrawerMode() && variant === "reader";
  const drawerButton = useRef<HTMLButtonElement>(null);
  /** What had focus when the drawer opened: it gets it back when the drawer closes. */
  const drawerOrigin = useRef<HTMLElement | null>(null);
  /** The drawer's focus helpers, loaded once the screen is narrow enough to need them. */
  const drawerFocus = useRef<typeof import("./panel/panel-drawer") | null>(null);
  useEffect(() => {
    if (!drawer || drawerFocus.current) return;
    void import("./panel/panel-drawer").then((helpers) => {
      drawerFocus.current = helpers;
    });
  }, [drawer]);
  /** Moves focus into the open drawer (once its helpers are there: they load with the page). */
  const focusIntoDrawer = useCallback(() => {
    const move = (helpers: typeof import("./panel/panel-drawer")) => {
      drawerFocus.current = helpers;
      if (panelRoot.current) helpers.focusDrawer(panelRoot.current);
    };
    if (drawerFocus.current) move(drawerFocus.current);
    else void import("./panel/panel-drawer").then(move);
  }, []);

  const text = useMemo(() => editionTextOf(passages), [passages]);
  const sentences = useMemo(
    () => passages.map(({ number, start, end }) => ({ number, start, end })),
    [passages],
  );
  const highlights = useMemo(
    () => (loaded ? markSegmentsBySentence(sentences, paintedRanges(loaded)) : NO_HIGHLIGHTS),
    [loaded, sentences],
  );
  // A draft the reader has since saved is done with, whatever the panel does next.
  const draftRange =
    draftState && mineAt(loaded, draftState.range) <= draftState.sameRangeMine ? draftState.range : null;
  const draft = useMemo(
    () => (draftRange ? draftOf(text, passages, draftRange) : null),
    [draftRange, text, passages],
  );

  /**
   * Shows the panel (opening it in a compared column, or as the drawer on a narrow screen) and brings
   * it into view if it is not beside the text.
   */
  const showPanel = useCallback(() => {
    // Opening the drawer: what has focus now gets it back when it closes.
    if (drawer && !drawerOrigin.current) {
      const active = document.activeElement;
      const outside = active instanceof HTMLElement && !panelRoot.current?.contains(active);
      drawerOrigin.current = outside && active !== document.body ? active : null;
    }
    setPanelOpen(true);
    requestAnimationFrame(() => {
      if (panelRoot.current && !drawer) revealPanel(panelRoot.current);
    });
  }, [drawer]);

  /** Closes the drawer, giving focus back to what opened it (or to its button). */
  const closeDrawer = useCallback(() => {
    setPanelOpen(false);
    const origin = drawerOrigin.current;
    drawerOrigin.current = null;
    requestAnimationFrame(() => {
      if (origin?.isConnected && origin.getClientRects().length > 0) origin.focus();
      else drawerButton.current?.focus();
    });
  }, []);

  const startDraft = useCallback(
    (range: TextRange, origin: HTMLElement | null) => {
      draftOrigin.current = origin;
      setDraftState({ range, sameRangeMine: mineAt(loaded, range) });
      window.getSelection()?.removeAllRanges();
      showPanel();
      requestAnimationFrame(() => {
        if (panelRoot.current) moveFocusIntoPanel(panelRoot.current, "composer");
      });
    },
    [loaded, showPanel],
  );

  const focusSentence = useCallback(
    (sentence: number, fromKeyboard = false) => {
      setFocus({ kind: "sentence", sentence });
      showPanel();
      // A drawer is modal: focus goes into it, however it was opened.
      if (drawer) focusIntoDrawer();
      else if (fromKeyboard) {
        requestAnimationFrame(() => {
          if (panelRoot.current) moveFocusIntoPanel(panelRoot.current, "heading");
        });
      }
    },
    [showPanel, drawer, focusIntoDrawer],
  );

  const annotateSentence = useCallback(
    (sentence: number, origin: HTMLElement | null) => {
      const passage = passages.find((p) => p.number === sentence);
      if (passage) startDraft({ start: passage.start, end: passage.end }, origin);
    },
    [passages, startDraft],
  );

  const annotateSelection = useCallback((range: TextRange) => startDraft(range, null), [startDraft]);
  const citing = useCiting();
  const citeSelection = useCallback((range: TextRange) => citing?.cite(range, null), [citing]);
  // Anyone may cite a selection; only a signed-in reader (whose list has arrived) may annotate it.
  const selection = useTextSelection(
    textRoot,
    loaded ? annotateSelection : null,
    citing ? citeSelection : null,
  );

  const layerValue = useMemo<AnnotationLayerValue>(
    () => ({
      segments: highlights.runs,
      counts: loaded?.sentenceCounts ?? NO_COUNTS,
      draft: draftRange,
      canAnnotate: loaded !== null,
      focusSentence,
      annotateSentence,
    }),
    [highlights, loaded, draftRange, focusSentence, annotateSentence],
  );

  // Counted once per list, not on every render of the layer (a change of focus, say).
  // The same count as the panel's "All" (threadCount), so the toggle and its panel agree.
  const count = useMemo(() => (loaded ? threadCount(loaded.annotations) : undefined), [loaded]);

  // The marks are in: the highlights the page's script painted before hydration go, in the same frame.
  useLayoutEffect(() => {
    if (list !== "loading") clearPrepaint();
  }, [list]);

  useEffect(() => {
    if (loaded) performance.mark("glossa:highlights-committed");
  }, [loaded]);

  // Outlines what the panel shows: the focused or "shown in text" annotations, or a sentence.
  useEffect(() => {
    if (textRoot.current) markFocused(textRoot.current, highlights.ids, focus, shownId);
    // Marks are redrawn when the highlights or the draft change: outline the new ones.
  }, [focus, shownId, highlights, draftRange]);

  function onTextClick(event: MouseEvent<HTMLElement>) {
    const target = event.target instanceof Element ? event.target : null;
    const key = target?.closest("mark[data-segment]")?.getAttribute("data-segment");
    const ids = key ? highlights.ids().get(key) : undefined;
    // The end of a drag that selected text is not a click on a highlight.
    if (!ids || selection.hasSelection()) return;
    setFocus({ kind: "annotations", ids: [...ids] });
    setShownId(null);
    showPanel();
    // A drawer is modal: focus goes into it.
    if (drawer) focusIntoDrawer();
  }

  const onShowInText = useCallback(
    (annotationId: string) => {
      setShownId(annotationId);
      const annotation = loaded?.annotations.find((a) => a.id === annotationId);
      const anchor = annotation?.anchor.status === "anchored" ? annotation.anchor : null;
      if (textRoot.current) {
        flashAnnotation(textRoot.current, highlights.ids, annotationId, anchor, panelRoot.current);
      }
    },
    [loaded, highlights],
  );

  // Word steps load with the first move of a draft's edge, not with the page.
  const onDraftAdjust = useCallback(
    (edge: "start" | "end", direction: -1 | 1) => {
      void import("./selection/word-steps").then(({ stepWord }) =>
        setDraftState((current) =>
          current ? { ...current, range: stepWord(text, current.range, edge, direction) } : current,
        ),
      );
    },
    [text],
  );

  const onDraftCancel = useCallback(() => {
    setDraftState(null);
    const origin = draftOrigin.current;
    draftOrigin.current = null;
    // A cancelled composer takes focus with it: back to the sentence button that opened it. (After a
    // save the panel focuses the new annotation itself.)
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (origin?.isConnected && (!active || active === document.body)) origin.focus();
    });
  }, []);

  const onClearFocus = useCallback(() => {
    setFocus(null);
    setShownId(null);
  }, []);

  const hydrated = useHydrated();
  const panel = hydrated && (
    <Suspense fallback={null}>
      <AnnotationPanel
        locale={locale}
        sourceSlug={sourceSlug}
        sourceLanguage={language}
        editionNumber={editionNumber}
        list={panelList}
        draft={draft}
        onDraftAdjust={onDraftAdjust}
        onDraftCancel={onDraftCancel}
        focus={focus}
        onClearFocus={onClearFocus}
        onChanged={refresh}
        onShowInText={onShowInText}
        labelledBy={labelledBy}
      />
    </Suspense>
  );

  const textContent = (
    <>
      <AnnotationLayerContext.Provider value={layerValue}>{children}</AnnotationLayerContext.Provider>
      {selection.adder && (
        <Suspense fallback={null}>
          <SelectionAdder
            position={selection.adder}
            onAnnotate={selection.annotate}
            onCite={selection.cite}
          />
        </Suspense>
      )}
    </>
  );
  const ready = list === "loading" ? undefined : "true";

  if (variant === "reader") {
    const drawerOpen = drawer && panelOpen;
    return (
      <div className={styles.reader} data-annotations-ready={ready}>
        {/* Clicks on highlights are a pointer shortcut; count buttons and the panel do it by keyboard. */}
        <div ref={setTextRoot} className={styles.text} onClick={onTextClick}>
          {textContent}
        </div>
        {drawer && (
          <button
            ref={drawerButton}
            type="button"
            className={`${styles.drawerButton} no-print`}
            aria-expanded={panelOpen}
            aria-controls={panelId}
            aria-haspopup="dialog"
            onClick={() => {
              drawerOrigin.current = drawerButton.current;
              setPanelOpen(true);
              focusIntoDrawer();
            }}
          >
            {count === undefined ? t("panelToggleNoCount") : t("panelToggle", { count })}
          </button>
        )}
        {/* The text behind an open drawer is dimmed; a click on it closes the drawer. */}
        {drawerOpen && <div className={styles.backdrop} aria-hidden="true" onClick={closeDrawer} />}
        <div
          ref={panelRoot}
          id={panelId}
          className={`${styles.readerPanel} no-print`}
          data-drawer={drawer ? (panelOpen ? "open" : "closed") : undefined}
          {...(drawer && {
            role: "dialog",
            "aria-modal": true,
            "aria-label": t("drawerLabel"),
            hidden: !panelOpen,
            onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => {
              // A form's or a field's own Escape (cancel, leave the link field) comes first.
              if (event.key === "Escape" && !event.defaultPrevented) {
                event.preventDefault();
                closeDrawer();
              } else {
                drawerFocus.current?.keepTabInside(event);
              }
            },
          })}
        >
          {drawer && (
            <div className={styles.drawerBar}>
              <button type="button" className={styles.drawerClose} onClick={closeDrawer}>
                {t("closeDrawer")}
              </button>
            </div>
          )}
          {panel}
        </div>
      </div>
    );
  }

  // Each column's panel opens with its toggle (for a signed-out reader it says how to sign in).
  return (
    <div className={`${styles.compare} ${classNames?.root ?? ""}`} data-annotations-ready={ready}>
      <section
        ref={setTextRoot}
        className={`${styles.text} ${classNames?.text ?? ""}`}
        aria-labelledby={labelledBy}
        // Focusable so a keyboard can scroll the column.
        tabIndex={0}
        onClick={onTextClick}
      >
        {textContent}
      </section>
      <div className={`${styles.comparePanelArea} no-print`} hidden={list === "loading"}>
        <button
          type="button"
          className={styles.toggle}
          aria-expanded={panelOpen}
          aria-controls={panelId}
          onClick={() => setPanelOpen((open) => !open)}
        >
          <span className={styles.chevron} aria-hidden="true" />
          {count === undefined ? t("panelToggleNoCount") : t("panelToggle", { count })}
        </button>
        <div id={panelId} ref={panelRoot} className={styles.comparePanel} hidden={!panelOpen}>
          {panel}
        </div>
      </div>
    </div>
  );
}
