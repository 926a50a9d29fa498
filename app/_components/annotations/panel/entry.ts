import type { AnnotationView, ReplyView } from "@/lib/annotations/types";

/** An annotation (a thread's root) or a reply: what a card and a reply item both show and change. */
export type Entry = AnnotationView | ReplyView;

export function isAnnotation(entry: Entry): entry is AnnotationView {
  return "kind" in entry;
}
