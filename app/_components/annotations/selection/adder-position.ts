/**
 * What the selection hook and the adder share, kept apart from the adder's component so the page's
 * first script does not carry the component (it loads with the first selection).
 */

/** Marks the adder (the attribute below), so pointer events on it are not taken for a new selection. */
export const ADDER_ATTRIBUTE = "data-selection-adder";

export interface AdderPosition {
  /** Pixels from the top and left of the text area the adder is placed in. */
  top: number;
  left: number;
}
