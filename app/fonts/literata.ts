import localFont from "next/font/local";

/*
 * Literata, the reading face, shipped as local files (no font service at build or run time). Each
 * subset is its own @font-face set with fontsource's unicode-range, so a page downloads latin-ext
 * (ą, ę, ł, ś, ż …) only when it shows such letters. Both sets declare the same family, "Literata",
 * so a Polish word never mixes in a fallback face (the stack is --font-reading in globals.css).
 * Licence: SIL Open Font License 1.1, see OFL.txt beside the files.
 */

// next/font options must be literals (the compiler reads them), hence the ranges written out below.

export const literataLatin = localFont({
  src: [
    { path: "./literata-latin-400-normal.woff2", weight: "400", style: "normal" },
    { path: "./literata-latin-400-italic.woff2", weight: "400", style: "italic" },
    { path: "./literata-latin-600-normal.woff2", weight: "600", style: "normal" },
  ],
  declarations: [
    { prop: "font-family", value: "Literata" },
    {
      prop: "unicode-range",
      value:
        "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD",
    },
  ],
  adjustFontFallback: false,
  display: "swap",
  variable: "--font-literata-latin",
});

export const literataLatinExt = localFont({
  src: [
    { path: "./literata-latin-ext-400-normal.woff2", weight: "400", style: "normal" },
    { path: "./literata-latin-ext-400-italic.woff2", weight: "400", style: "italic" },
    { path: "./literata-latin-ext-600-normal.woff2", weight: "600", style: "normal" },
  ],
  declarations: [
    { prop: "font-family", value: "Literata" },
    {
      prop: "unicode-range",
      value:
        "U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF",
    },
  ],
  adjustFontFallback: false,
  display: "swap",
  variable: "--font-literata-ext",
});

/**
 * Class names to put on <body>. CSS names the family directly ("Literata", see globals.css): the
 * variables next/font defines point at its internal names, not at the declared family. Using the
 * classes keeps the @font-face rules and font preloads attached to every page.
 */
export const fontVariables = `${literataLatin.variable} ${literataLatinExt.variable}`;
