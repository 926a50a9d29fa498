import { preload } from "react-dom";
import { annotationIndexUrl } from "./index-client";

/**
 * Asks the browser (a `<link rel="preload">` in the page's head) to fetch the reader's annotation
 * index while the page's scripts load, so the highlights wait for hydration or for the request,
 * whichever is longer, not for both. The page stays the same for everyone (it is cached): the index
 * is fetched with the reader's cookies; for a signed-out reader it is a short 401.
 */
export function preloadAnnotationIndex(sourceSlug: string): void {
  preload(annotationIndexUrl(sourceSlug), { as: "fetch", crossOrigin: "use-credentials" });
}
