"use client";

import {
  createContext,
  lazy,
  Suspense,
  useCallback,
  useContext,
  useMemo,
  useState,
  type ReactNode,
} from "react";
import type { TextRange } from "@/lib/anchoring/selectors";
import type { Locale } from "@/lib/sources/types";
import type { CitedRange } from "./fetch-citation";
import { useHydrated } from "./use-hydrated";

/** What the text, its selection button and the annotation cards may ask of the cite dialog. */
export interface Citing {
  /** Opens the cite dialog for edition range `range`; focus goes back to `opener` when it closes. */
  cite: (range: TextRange, opener: HTMLElement | null) => void;
  /** The same for a whole sentence (passage number). */
  citeSentence: (sentence: number, opener: HTMLElement | null) => void;
}

const CitingContext = createContext<Citing | null>(null);

/** Loaded when a reader first cites: most visits never open it, so the page does not carry it. */
const CiteDialog = lazy(() => import("./cite-dialog").then((module) => ({ default: module.CiteDialog })));

/**
 * The cite dialog of the source shown around it, or null: outside any, and on the server and during
 * hydration (a cached page holds no "Cite" buttons that cannot work yet).
 */
export function useCiting(): Citing | null {
  return useContext(CitingContext);
}

interface CitingProviderProps {
  locale: Locale;
  sourceSlug: string;
  /** The edition whose offsets the text shows. */
  editionNumber: number;
  /** The language of the source's text. */
  language: string;
  /** Where each sentence (passage) lies in the edition text. */
  sentences: { number: number; start: number; end: number }[];
  children: ReactNode;
}

interface OpenDialog {
  passage: CitedRange;
  opener: HTMLElement | null;
}

/**
 * Lets everything inside it cite a passage of one edition of a source: renders the cite dialog while
 * one is asked for. Anyone may cite, signed in or not.
 */
export function CitingProvider({
  locale,
  sourceSlug,
  editionNumber,
  language,
  sentences,
  children,
}: CitingProviderProps) {
  const hydrated = useHydrated();
  const [open, setOpen] = useState<OpenDialog | null>(null);

  const cite = useCallback(
    ({ start, end }: TextRange, opener: HTMLElement | null) =>
      setOpen({ passage: { source: sourceSlug, editionNumber, start, end }, opener }),
    [sourceSlug, editionNumber],
  );
  const citeSentence = useCallback(
    (sentence: number, opener: HTMLElement | null) => {
      const passage = sentences.find((s) => s.number === sentence);
      if (passage) cite(passage, opener);
    },
    [sentences, cite],
  );
  const value = useMemo(() => (hydrated ? { cite, citeSentence } : null), [hydrated, cite, citeSentence]);

  const onClose = useCallback(() => {
    const opener = open?.opener;
    setOpen(null);
    // The browser gives focus back to what had it; an opener that never took focus (the selection
    // button keeps the selection) gets it here, if nothing else has it.
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (opener?.isConnected && (!active || active === document.body)) opener.focus();
    });
  }, [open]);

  return (
    <CitingContext.Provider value={value}>
      {children}
      {open && (
        <Suspense fallback={null}>
          <CiteDialog
            key={`${open.passage.start}:${open.passage.end}`}
            passage={open.passage}
            locale={locale}
            language={language}
            onClose={onClose}
          />
        </Suspense>
      )}
    </CitingContext.Provider>
  );
}
