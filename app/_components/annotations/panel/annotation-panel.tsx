"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { AnnotationSummary, AnnotationView, PersonView } from "@/lib/annotations/types";
import type { AnnotationPanelProps } from "../reader-types";
import { Composer } from "./composer";
import { type AnnotationFilter, filterAnnotations, NO_FILTER, viewAfterCreating } from "./filter-annotations";
import { GroupSwitch } from "./group-switch";
import { ReadingNow } from "./reading-now";
import { PanelAnnotations } from "./panel-annotations";
import { cardElementId, type PanelActions, PanelContext } from "./panel-context";
import { PanelError, PanelLoading, PanelSignedOut } from "./panel-states";
import { AnnotationCardsContext, useAnnotationCards } from "../data/use-annotation-cards";
import styles from "./panel.module.css";

const NO_PEOPLE: PersonView[] = [];

/** What the filters need to know of an annotation just made, before the index lists it. */
function summaryOf(annotation: AnnotationView): AnnotationSummary {
  return {
    id: annotation.id,
    kind: annotation.kind,
    authorId: annotation.author.id,
    mine: annotation.mine,
    tags: annotation.tags,
    anchor: annotation.anchor,
    deleted: annotation.deleted,
    hidden: annotation.hidden !== null,
  };
}

/**
 * The annotation side panel of the reader: the composer for a selected passage, the annotations of
 * this source (filtered, or only those picked in the text), each with its thread and actions, and
 * the loading, signed-out, error and empty states. Changes are announced in a polite live region;
 * after each the reader is asked (onChanged) to fetch the list again.
 */
export function AnnotationPanel({
  locale,
  sourceSlug,
  sourceLanguage,
  editionNumber,
  list,
  draft,
  onDraftAdjust,
  onDraftCancel,
  onDraftSaved,
  focus,
  onClearFocus,
  onChanged,
  onShowInText,
  labelledBy,
}: AnnotationPanelProps) {
  const t = useTranslations("annotations");
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [filter, setFilter] = useState<AnnotationFilter>(NO_FILTER);
  const [announcement, setAnnouncement] = useState({ text: "", count: 0 });
  /** A new annotation to focus as soon as the refetched list shows it. */
  const focusWhenListed = useRef<string | null>(null);
  /** The annotation just created: its list draws its card, however far down (until a new filter). */
  const [reveal, setReveal] = useState<string | null>(null);
  const loaded = typeof list === "object" ? list : null;
  const annotations = loaded?.annotations;
  const cards = useAnnotationCards(
    sourceSlug,
    loaded?.group?.id ?? "none",
    loaded?.group?.role ?? "",
    loaded?.version ?? "",
    loaded?.people ?? NO_PEOPLE,
  );

  useEffect(() => {
    const id = focusWhenListed.current;
    if (!id || !annotations?.some((a) => a.id === id)) return;
    focusWhenListed.current = null;
    // Not shown (another focus from the text): focus stays on the heading.
    document.getElementById(cardElementId(id))?.focus();
  }, [annotations]);

  const group = loaded?.group ?? null;
  const actions = useMemo<PanelActions>(() => {
    const announce = (text: string) => setAnnouncement((previous) => ({ text, count: previous.count + 1 }));
    return {
      announce,
      onChanged,
      onShowInText,
      sourceLanguage,
      group: group ? { id: group.id, name: group.name } : null,
      focusPanel: () => heading.current?.focus(),
      filterByTag: (tag) => {
        if (focus) onClearFocus();
        setFilter((previous) => ({ ...previous, tag }));
        setReveal(null);
        announce(t("announce.filteredByTag", { tag }));
      },
    };
  }, [onChanged, onShowInText, sourceLanguage, group, focus, onClearFocus, t]);

  function changeFilter(next: AnnotationFilter) {
    setFilter(next);
    setReveal(null);
    const shown = annotations ? filterAnnotations(annotations, next).length : 0;
    actions.announce(t("filters.shown", { shown, total: annotations?.length ?? 0 }));
  }

  function created(annotation: AnnotationView) {
    onDraftSaved();
    // A filter or a focus from the text that would hide the new annotation is dropped, so it can be
    // seen (and focused).
    const next = viewAfterCreating({ filter, focus }, summaryOf(annotation));
    if (next.filter !== filter) setFilter(next.filter);
    if (next.focus !== focus) onClearFocus();
    cards.put(annotation);
    actions.announce(t("announce.created"));
    focusWhenListed.current = annotation.id;
    setReveal(annotation.id);
    heading.current?.focus();
    onChanged();
  }

  function cancelDraft() {
    onDraftCancel();
    // The composer had focus and is going away. Unless the reader put focus somewhere (back in the
    // text), the panel's heading takes it, so it is not lost to the page's start.
    requestAnimationFrame(() => {
      if (document.activeElement === document.body || document.activeElement === null) {
        heading.current?.focus();
      }
    });
  }

  function clearFocus() {
    onClearFocus();
    heading.current?.focus();
  }

  return (
    <aside aria-labelledby={labelledBy ? `${headingId} ${labelledBy}` : headingId} className={styles.panel}>
      <PanelContext.Provider value={actions}>
        <AnnotationCardsContext.Provider value={cards}>
          <h2 id={headingId} ref={heading} tabIndex={-1} className={styles.heading}>
            {t("heading")}
          </h2>
          {loaded && <GroupSwitch shown={loaded.group} announce={actions.announce} />}
          {loaded?.group && <ReadingNow sourceSlug={sourceSlug} />}
          {list === "loading" && <PanelLoading />}
          {list === "signed-out" && <PanelSignedOut locale={locale} sourceSlug={sourceSlug} />}
          {list === "error" && <PanelError onRetry={onChanged} />}
          {loaded && draft && (
            <Composer
              draft={draft}
              list={loaded}
              sourceSlug={sourceSlug}
              editionNumber={editionNumber}
              onDraftAdjust={onDraftAdjust}
              onDraftCancel={cancelDraft}
              onCreated={created}
            />
          )}
          {loaded && (
            <PanelAnnotations
              annotations={loaded.annotations}
              people={loaded.people}
              filter={filter}
              onFilterChange={changeFilter}
              focus={focus}
              onClearFocus={clearFocus}
              locale={locale}
              composing={draft !== null}
              reveal={reveal}
            />
          )}
          <p role="status" className="visually-hidden">
            {announcement.text}
            {/* The same words twice in a row are still a change, so they are read again. */}
            {announcement.count % 2 === 1 ? "\u00a0" : ""}
          </p>
        </AnnotationCardsContext.Provider>
      </PanelContext.Provider>
    </aside>
  );
}
