// Types for the parts of citation-js 0.8 that lib/citations uses; the packages ship none.

declare module "@citation-js/core" {
  /** A citation-js output format: `format("bibliography" | "citation" | "bibtex" | "ris" | "data", …)`. */
  export interface FormatOptions {
    format?: "text" | "html" | "string" | "object";
    template?: string;
    lang?: string;
    /** For "citation": the cited items with their locators; for "bibliography": the ids to list. */
    entry?: unknown;
    /** For "citation": citations made before this one, which decide its position (first, subsequent). */
    citationsPre?: unknown[];
    asEntryArray?: boolean;
  }

  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    data: Record<string, unknown>[];
    format(name: "bibliography", options: FormatOptions & { asEntryArray: true }): [string, string][];
    format(name: string, options?: FormatOptions): string;
  }

  /** A named registry of citation-js configuration, e.g. the CSL styles or locales. */
  export interface Register<T> {
    add(name: string, value: T): this;
    has(name: string): boolean;
    get(name: string): T | undefined;
    list(): string[];
  }

  export namespace plugins {
    namespace config {
      function get(plugin: "@csl"): { styles: Register<string>; locales: Register<string> };
    }
  }
}

declare module "@citation-js/plugin-csl";
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
