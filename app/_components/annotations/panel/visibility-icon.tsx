import type { AnnotationVisibility } from "@/lib/annotations/types";

const PATHS: Record<AnnotationVisibility, string> = {
  // A padlock.
  private: "M7 11V8a5 5 0 0 1 10 0v3M5 11h14v10H5z",
  // A mortarboard.
  instructors: "M2 9l10-5 10 5-10 5zM6 11v5c3 2 9 2 12 0v-5M22 9v6",
  // Two people.
  group:
    "M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2 20c0-3.5 3-6 7-6s7 2.5 7 6M16 4.5a3.5 3.5 0 0 1 0 6.5M18 14c2.5.7 4 2.8 4 6",
};

/** The picture beside a visibility's name (the name is always written next to it). */
export function VisibilityIcon({ visibility }: { visibility: AnnotationVisibility }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[visibility]} />
    </svg>
  );
}
