"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useRouter } from "next/navigation";
import type { SearchResults } from "@/lib/search/types";
import { MAX_QUERY_LENGTH, parseSearchQuery } from "@/lib/search/parse-search-query";
import { personName } from "../people/person-name";
import { HighlightedText } from "./highlighted-text";
import styles from "./header-search.module.css";
import type { Locale } from "@/lib/sources/types";
import { notePath, sourcePath } from "../../_lib/source-path";

export interface HeaderSearchLabels {
  label: string;
  placeholder: string;
  submit: string;
  suggestions: string;
  allResults: string;
  /** A classmate's pseudonym, "Student {number}" (anonymous to peers). */
  pseudonym: string;
  /** "N suggestions" for each N from 0 to MAX_SUGGESTIONS, in the language's plural forms. */
  counts: string[];
}

interface Suggestion {
  id: string;
  href: string;
  title: string;
  snippet: SearchResults["passages"]["items"][number]["original"];
}

/** Wait this long after the last keystroke before asking: fewer requests while a word is typed. */
const DEBOUNCE_MS = 250;
/** Suggestions per group: enough to pick from, few enough to read at a glance. */
const SUGGESTIONS_PER_GROUP = 4;
/** At most this many suggestions in all (passages and notes). */
export const MAX_SUGGESTIONS = 2 * SUGGESTIONS_PER_GROUP;

function suggestionsOf(locale: Locale, results: SearchResults, pseudonym: string): Suggestion[] {
  const title = (s: { titlePl: string; titleEn: string }) => (locale === "pl" ? s.titlePl : s.titleEn);
  return [
    ...results.passages.items.map((p) => ({
      id: `p-${p.source.slug}-${p.sentence}`,
      href: sourcePath(locale, p.source.slug, p.sentence),
      title: `${title(p.source)} · ${p.sentence}`,
      snippet: p.original.highlights.length > 0 || !p.translation ? p.original : p.translation,
    })),
    ...results.notes.items.map((n) => ({
      id: `n-${n.id}`,
      href: notePath(locale, n.source.slug, n.sentence, n.threadId ?? n.id),
      title: `${personName(n.author, (_, { number }) => pseudonym.replace("{number}", String(number)))} · ${title(n.source)}`,
      snippet: n.body.highlights.length > 0 || n.quote.text === "" ? n.body : n.quote,
    })),
  ];
}

/**
 * The header's search box. Without JavaScript it is a plain GET form to the results page; with it,
 * it is a combobox that suggests sentences and notes as one types (debounced requests to
 * `/api/search`, the same policy as the page): arrows move through the suggestions, Enter opens one
 * (or the results page), Escape closes the list.
 */
export function HeaderSearch({ locale, labels }: { locale: Locale; labels: HeaderSearchLabels }) {
  const listId = useId();
  const { pseudonym } = labels;
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(-1);
  const request = useRef<AbortController | null>(null);
  const router = useRouter();
  const resultsHref = `/${locale}/search?${new URLSearchParams({ q: query })}`;
  // The suggestions, then "all results": the last option.
  const optionCount = suggestions.length + 1;

  function onChange(value: string) {
    setQuery(value);
    if (parseSearchQuery(value).length > 0) return;
    // Nothing to search for: no request, no list.
    request.current?.abort();
    setSuggestions([]);
    setOpen(false);
  }

  useEffect(() => {
    if (parseSearchQuery(query).length === 0) return;
    const timer = setTimeout(() => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      const params = new URLSearchParams({ q: query, limit: String(SUGGESTIONS_PER_GROUP) });
      fetch(`/api/search?${params}`, { signal: controller.signal, cache: "no-store" })
        .then((response) => (response.ok ? (response.json() as Promise<SearchResults>) : null))
        .then((results) => {
          if (controller.signal.aborted) return;
          setSuggestions(results ? suggestionsOf(locale, results, pseudonym) : []);
          setActive(-1);
          setOpen(true);
        })
        .catch(() => {});
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, locale, pseudonym]);

  const hrefAt = (index: number) => (index < suggestions.length ? suggestions[index]!.href : resultsHref);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) {
        setOpen(suggestions.length > 0 || parseSearchQuery(query).length > 0);
        return;
      }
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current + step + optionCount) % optionCount);
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      router.push(hrefAt(active));
    }
  }

  const status = open ? (labels.counts[suggestions.length] ?? "") : "";

  return (
    <form role="search" action={`/${locale}/search`} method="get" className={styles.form}>
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        {labels.label}
      </label>
      <div className={styles.box}>
        <input
          id={`${listId}-input`}
          name="q"
          type="search"
          value={query}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          placeholder={labels.placeholder}
          maxLength={MAX_QUERY_LENGTH}
          autoComplete="off"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={`${listId}-list`}
          aria-activedescendant={open && active >= 0 ? `${listId}-option-${active}` : undefined}
          className={styles.input}
        />
        <ul
          id={`${listId}-list`}
          role="listbox"
          aria-label={labels.suggestions}
          hidden={!open}
          className={styles.list}
        >
          {suggestions.map((suggestion, index) => (
            <li
              key={suggestion.id}
              id={`${listId}-option-${index}`}
              role="option"
              aria-selected={index === active}
              className={styles.option}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => router.push(suggestion.href)}
            >
              <span className={styles.optionTitle}>{suggestion.title}</span>
              <span className={styles.optionSnippet}>
                <HighlightedText snippet={suggestion.snippet} />
              </span>
            </li>
          ))}
          <li
            id={`${listId}-option-${suggestions.length}`}
            role="option"
            aria-selected={active === suggestions.length}
            className={`${styles.option} ${styles.all}`}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => router.push(resultsHref)}
          >
            {labels.allResults.replace("{query}", query)}
          </li>
        </ul>
      </div>
      <button type="submit" className={styles.submit}>
        {labels.submit}
      </button>
      <span role="status" className="visually-hidden">
        {status}
      </span>
    </form>
  );
}
