/** A pair of quotation marks: the icon of "Cite". Decorative; the button says what it does. */
export function QuoteIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path
        d="M2 9.5C2 6.5 3.5 4.5 6 3.5l.6 1.1C5.2 5.3 4.6 6.3 4.5 7.5H7V13H2zm7 0c0-3 1.5-5 4-6l.6 1.1c-1.4.7-2 1.7-2.1 2.9H14V13H9z"
        fill="currentColor"
      />
    </svg>
  );
}
