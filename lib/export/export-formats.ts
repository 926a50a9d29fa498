/** The formats an export is written in: W3C Web Annotation JSON-LD, CSV, Markdown. */
export const EXPORT_FORMATS = ["jsonld", "csv", "markdown"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
