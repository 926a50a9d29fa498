"use client";

import { useTranslations } from "next-intl";
import {
  lazy,
  Suspense,
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
  type ReactNode,
} from "react";
import type { TextRange } from "@/lib/anchoring/selectors";
import type { Locale, PassageView } from "@/lib/sources/types";
import { useCiting } from "../citations/citing-context";
import { useHydrated } from "../citations/use-hydrated";
import { createReaderStore, highlightsSelector, selectIndex, selectThreadCount } from "./data/reader-store";
import { useIndexSync } from "./data/use-index-sync";
import { useNoteFromAddress } from "./data/use-note-from-address";
import { ReaderContext, useReader, type ReaderCommands, type ReaderContextValue } from "./data/use-reader";
import { clearPrepaint, flashAnnotation, markFocused, moveFocusIntoPanel } from "./highlights/layer-dom";
import { createSentenceWindow, PENDING_WINDOW, type SentenceWindow } from "./highlights/sentence-window";
import { WINDOWED_FROM_SENTENCES } from "./highlights/sentence-window-size";
import { usePanelPlacement } from "./panel/use-panel-placement";
import { draftOf, editionTextOf } from "./selection/draft-selection";
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

/**
 * The annotations of one source in the reading view. Its state (the reader's index, the panel's focus,
 * the draft, the drawer) lives in one store (data/reader-store.ts), which the sentences below read
 * only their part of: the index is fetched after hydration (the page is cached and the same for
 * everyone) and kept current (data/use-index-sync.ts), its highlights are painted into the
 * server-rendered sentences (children), a text selection or a sentence button starts a draft, and the
 * side panel shows the rest. A change of focus never re-renders the text.
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
  const [store] = useState(createReaderStore);
  const refresh = useIndexSync(store, sourceSlug);
  const index = useReader(store, (state) => state.index);
  const loaded = useReader(store, selectIndex);
  // The highlights are painted first; the panel (thousands of cards, perhaps) follows without holding them up.
  const panelIndex = useDeferredValue(index);
  const focus = useReader(store, (state) => state.focus);
  const shownId = useReader(store, (state) => state.shownId);
  const draftRange = useReader(store, (state) => state.draft);
  const panelOpen = useReader(store, (state) => state.panelOpen);
  // The same count as the panel's "All", so the toggle and its panel agree.
  const count = useReader(store, selectThreadCount);

  const textRoot = useRef<HTMLElement | null>(null);
  const panelRoot = useRef<HTMLDivElement>(null);
  const drawerButton = useRef<HTMLButtonElement>(null);
  const draftOrigin = useRef<HTMLElement | null>(null);
  // A div in the reader, the column's section in a comparison.
  const setTextRoot = useCallback((element: HTMLElement | null) => {
    textRoot.current = element;
  }, []);
  const panelId = useId();
  const placement = usePanelPlacement(store, variant, panelRoot, drawerButton);
  const { drawer, showPanel, focusIntoDrawer } = placement;

  const text = useMemo(() => editionTextOf(passages), [passages]);
  const highlightsOf = useMemo(
    () => highlightsSelector(passages.map(({ number, start, end }) => ({ number, start, end }))),
    [passages],
  );
  const highlights = useReader(store, highlightsOf);
  const draft = useMemo(
    () => (draftRange ? draftOf(text, passages, draftRange) : null),
    [draftRange, text, passages],
  );

  const startDraft = useCallback(
    (range: TextRange, origin: HTMLElement | null) => {
      draftOrigin.current = origin;
      store.dispatch({ type: "draftStarted", range });
      window.getSelection()?.removeAllRanges();
      showPanel();
      requestAnimationFrame(() => {
        if (panelRoot.current) moveFocusIntoPanel(panelRoot.current, "composer");
      });
    },
    [store, showPanel],
  );

  const commands = useMemo<ReaderCommands>(
    () => ({
      focusSentence: (sentence, fromKeyboard) => {
        store.dispatch({ type: "sentenceFocused", sentence });
        showPanel();
        // A drawer is modal: focus goes into it, however it was opened.
        if (drawer) focusIntoDrawer();
        else if (fromKeyboard) {
          requestAnimationFrame(() => {
            if (panelRoot.current) moveFocusIntoPanel(panelRoot.current, "heading");
          });
        }
      },
      outlineMarks: (element) => {
        const state = store.getState();
        markFocused(element, highlightsOf(state).ids, state.focus, state.shownId);
      },
      annotateSentence: (sentence, origin) => {
        const passage = passages.find((p) => p.number === sentence);
        if (passage) startDraft({ start: passage.start, end: passage.end }, origin);
      },
    }),
    [store, showPanel, drawer, focusIntoDrawer, passages, startDraft, highlightsOf],
  );
  // A long text paints only the sentences near the view (none until the window is made, after
  // hydration; all without IntersectionObserver): known once the window has said which.
  const longText = passages.length >= WINDOWED_FROM_SENTENCES;
  const [sentenceWindow, setSentenceWindow] = useState<SentenceWindow | null>(() =>
    longText ? PENDING_WINDOW : null,
  );
  const [windowReported, setWindowReported] = useState(false);
  const windowKnown = sentenceWindow === null || windowReported;
  useEffect(() => {
    if (!longText) return;
    const created = createSentenceWindow(variant === "compare" ? textRoot.current : null);
    setSentenceWindow(created);
    if (!created) return;
    const unsubscribe = created.subscribe(() => {
      setWindowReported(true);
      unsubscribe();
    });
    return () => {
      unsubscribe();
      created.disconnect();
    };
  }, [longText, variant]);
  const readerContext = useMemo<ReaderContextValue>(
    () => ({ store, commands, highlights: highlightsOf, sentenceWindow }),
    [store, commands, highlightsOf, sentenceWindow],
  );

  const annotateSelection = useCallback((range: TextRange) => startDraft(range, null), [startDraft]);
  const citing = useCiting();
  const citeSelection = useCallback((range: TextRange) => citing?.cite(range, null), [citing]);
  // Anyone may cite a selection; only a signed-in reader (whose index has arrived) may annotate it.
  const selection = useTextSelection(
    textRoot,
    loaded ? annotateSelection : null,
    citing ? citeSelection : null,
  );

  // The marks are in: the highlights the page's script painted before hydration go, in the same frame
  // (in a long text, once the sentences near the view are known and painted).
  useLayoutEffect(() => {
    if (index !== "loading" && windowKnown) clearPrepaint();
  }, [index, windowKnown]);

  useEffect(() => {
    if (loaded) performance.mark("glossa:highlights-committed");
  }, [loaded]);

  useNoteFromAddress(store, index, showPanel);

  // Outlines what the panel shows: the focused or "shown in text" annotations, or a sentence.
  useEffect(() => {
    if (textRoot.current) markFocused(textRoot.current, highlights.ids, focus, shownId);
    // Marks are redrawn when the highlights or the draft change: outline the new ones (a sentence of
    // a long text coming near the view outlines its own: commands.outlineMarks).
  }, [focus, shownId, highlights, draftRange]);

  function onTextClick(event: MouseEvent<HTMLElement>) {
    const target = event.target instanceof Element ? event.target : null;
    const key = target?.closest("mark[data-segment]")?.getAttribute("data-segment");
    const ids = key ? highlights.ids().get(key) : undefined;
    // The end of a drag that selected text is not a click on a highlight.
    if (!ids || selection.hasSelection()) return;
    store.dispatch({ type: "annotationsPicked", ids });
    showPanel();
    // A drawer is modal: focus goes into it.
    if (drawer) focusIntoDrawer();
  }

  const onShowInText = useCallback(
    (annotationId: string) => {
      store.dispatch({ type: "shownInText", id: annotationId });
      const annotation = selectIndex(store.getState())?.annotations.find((a) => a.id === annotationId);
      const anchor = annotation?.anchor.status === "anchored" ? annotation.anchor : null;
      if (textRoot.current) {
        flashAnnotation(
          textRoot.current,
          highlightsOf(store.getState()).ids,
          annotationId,
          anchor,
          panelRoot.current,
        );
      }
    },
    [store, highlightsOf],
  );

  // Word steps load with the first move of a draft's edge, not with the page.
  const onDraftAdjust = useCallback(
    (edge: "start" | "end", direction: -1 | 1) => {
      void import("./selection/word-steps").then(({ stepWord }) => {
        const from = store.getState().draft;
        if (from) store.dispatch({ type: "draftMoved", from, range: stepWord(text, from, edge, direction) });
      });
    },
    [store, text],
  );

  const onDraftCancel = useCallback(() => {
    store.dispatch({ type: "draftEnded" });
    const origin = draftOrigin.current;
    draftOrigin.current = null;
    // A cancelled composer takes focus with it: back to the sentence button that opened it.
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (origin?.isConnected && (!active || active === document.body)) origin.focus();
    });
  }, [store]);

  // After a save the panel focuses the new annotation itself: the draft only goes.
  const onDraftSaved = useCallback(() => {
    draftOrigin.current = null;
    store.dispatch({ type: "draftEnded" });
  }, [store]);

  const onClearFocus = useCallback(() => store.dispatch({ type: "focusCleared" }), [store]);

  const hydrated = useHydrated();
  const panel = hydrated && (
    <Suspense fallback={null}>
      <AnnotationPanel
        locale={locale}
        sourceSlug={sourceSlug}
        sourceLanguage={language}
        editionNumber={editionNumber}
        list={panelIndex}
        draft={draft}
        onDraftAdjust={onDraftAdjust}
        onDraftCancel={onDraftCancel}
        onDraftSaved={onDraftSaved}
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
      <ReaderContext.Provider value={readerContext}>{children}</ReaderContext.Provider>
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
  const ready = index === "loading" ? undefined : "true";
  const toggleLabel = count === undefined ? t("panelToggleNoCount") : t("panelToggle", { count });

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
            onClick={() => placement.openDrawer(drawerButton.current)}
          >
            {toggleLabel}
          </button>
        )}
        {/* The text behind an open drawer is dimmed; a click on it closes the drawer. */}
        {drawerOpen && <div className={styles.backdrop} aria-hidden="true" onClick={placement.closeDrawer} />}
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
            onKeyDown: placement.onDrawerKeyDown,
          })}
        >
          {drawer && (
            <div className={styles.drawerBar}>
              <button type="button" className={styles.drawerClose} onClick={placement.closeDrawer}>
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
      <div className={`${styles.comparePanelArea} no-print`} hidden={index === "loading"}>
        <button
          type="button"
          className={styles.toggle}
          aria-expanded={panelOpen}
          aria-controls={panelId}
          onClick={() => store.dispatch({ type: "panelToggled" })}
        >
          <span className={styles.chevron} aria-hidden="true" />
          {toggleLabel}
        </button>
        <div id={panelId} ref={panelRoot} className={styles.comparePanel} hidden={!panelOpen}>
          {panel}
        </div>
      </div>
    </div>
  );
}
