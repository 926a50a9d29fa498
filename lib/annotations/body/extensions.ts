import type { Extensions } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { PassageReference } from "./passage-reference.ts";

/** Link schemes a note may point to; anything else (javascript:, data:, vbscript:, …) is refused. */
export const LINK_PROTOCOLS = ["http", "https", "mailto"] as const;

/** Attributes every link in a note gets, in the editor and in the HTML the server renders. */
export const LINK_ATTRIBUTES = { rel: "noopener nofollow ugc", target: null, class: null } as const;

/**
 * The one list of Tiptap extensions an annotation body may use: paragraphs, bold, italic, bullet and
 * numbered lists, quotations, line breaks, links and cross-references to passages (`passageReference`:
 * a chip linking to a permalink). The editor (client) and the validator and HTML renderer (server) all
 * build their schema from this list, so a body the editor cannot produce is refused by the server, and
 * nothing else (scripts, styles, event attributes, images…) can exist.
 */
export function bodyExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      dropcursor: false,
      gapcursor: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: "https",
        HTMLAttributes: { ...LINK_ATTRIBUTES },
        isAllowedUri: (url, ctx) => ctx.defaultValidate(url) && isAllowedLink(url),
      },
    }),
    PassageReference,
  ];
}

/** Whether `href` is an absolute http(s) or mailto link. */
export function isAllowedLink(href: string): boolean {
  try {
    const url = new URL(href);
    return (LINK_PROTOCOLS as readonly string[]).includes(url.protocol.replace(/:$/, ""));
  } catch {
    return false;
  }
}
