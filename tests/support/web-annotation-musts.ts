/**
 * The W3C Web Annotation Data Model's requirements (https://www.w3.org/TR/annotation-model/), written
 * out from the specification as checks on a JSON-LD document: each returns the requirements a
 * document breaks (an empty list: none). Used by the export tests on every document an export writes.
 */

const CONTEXT = "http://www.w3.org/ns/anno.jsonld";
/** The motivations the model defines (section 3.3.5). */
const MOTIVATIONS = [
  "assessing",
  "bookmarking",
  "classifying",
  "commenting",
  "describing",
  "editing",
  "highlighting",
  "identifying",
  "linking",
  "moderating",
  "questioning",
  "replying",
  "tagging",
];
/** xsd:dateTime with a time zone (the model: SHOULD be UTC; Glossa writes "Z"). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/u;

type Json = Record<string, unknown>;

const isIri = (value: unknown) => typeof value === "string" && URL.canParse(value) && /^https?:/u.test(value);
const values = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];
const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

/** The @context rule (3.1): the context is named, first, as a string when it is the only one. */
function contextProblems(doc: Json): string[] {
  const problems: string[] = [];
  if (Object.keys(doc)[0] !== "@context") problems.push("@context is not the first key");
  const context = doc["@context"];
  if (!values(context).includes(CONTEXT)) problems.push("@context does not name the anno.jsonld context");
  if (Array.isArray(context) && context.length === 1) problems.push("a single @context must be a string");
  return problems;
}

/**
 * An Annotation (3.1, 3.2, 3.3, 4): `standalone` for a document of its own (it must then carry the
 * context); an item of a page inherits the page's.
 */
export function annotationProblems(doc: Json, standalone: boolean): string[] {
  const problems = standalone ? contextProblems(doc) : [];
  const where = String(doc.id);
  if (!isIri(doc.id)) problems.push(`${where}: id is not exactly one IRI`);
  if (!values(doc.type).includes("Annotation")) problems.push(`${where}: type does not include Annotation`);
  for (const motivation of values(doc.motivation)) {
    if (!MOTIVATIONS.includes(motivation as string))
      problems.push(`${where}: unknown motivation ${String(motivation)}`);
  }
  for (const key of ["created", "modified"]) {
    if (doc[key] !== undefined && !(typeof doc[key] === "string" && DATE_TIME.test(doc[key]))) {
      problems.push(`${where}: ${key} is not an xsd:dateTime with a time zone`);
    }
  }
  for (const creator of values(doc.creator)) {
    if (typeof creator !== "string" && typeof (creator as Json).type !== "string")
      problems.push(`${where}: creator without a type`);
  }
  for (const body of values(doc.body)) problems.push(...bodyProblems(body, where));
  const targets = values(doc.target);
  if (targets.length === 0) problems.push(`${where}: no target`);
  for (const target of targets) problems.push(...targetProblems(target, where));
  return problems;
}

/** A body (3.2.4 TextualBody; 3.3.5 purpose). */
function bodyProblems(body: unknown, where: string): string[] {
  if (typeof body === "string") return isIri(body) ? [] : [`${where}: a body string that is not an IRI`];
  const problems: string[] = [];
  const textual = body as Json;
  if (values(textual.type).includes("TextualBody") || textual.value !== undefined) {
    if (typeof textual.value !== "string") problems.push(`${where}: a TextualBody without exactly one value`);
  }
  if (textual.format !== undefined && typeof textual.format !== "string")
    problems.push(`${where}: format is not a media type`);
  for (const purpose of values(textual.purpose)) {
    if (!MOTIVATIONS.includes(purpose as string))
      problems.push(`${where}: unknown purpose ${String(purpose)}`);
  }
  return problems;
}

/** A target: an IRI, or a SpecificResource with exactly one source and well-formed selectors (4, 4.2). */
function targetProblems(target: unknown, where: string): string[] {
  if (typeof target === "string")
    return isIri(target) ? [] : [`${where}: a target string that is not an IRI`];
  const problems: string[] = [];
  const specific = target as Json;
  if (!isIri(specific.source) && !isIri(specific.id))
    problems.push(`${where}: a target without exactly one source IRI`);
  for (const selector of values(specific.selector) as Json[]) {
    if (selector.type === "TextQuoteSelector") {
      if (typeof selector.exact !== "string")
        problems.push(`${where}: a TextQuoteSelector without exactly one exact`);
      for (const key of ["prefix", "suffix"]) {
        if (selector[key] !== undefined && typeof selector[key] !== "string")
          problems.push(`${where}: a TextQuoteSelector's ${key} is not text`);
      }
    } else if (selector.type === "TextPositionSelector") {
      if (!isCount(selector.start) || !isCount(selector.end))
        problems.push(`${where}: a TextPositionSelector's start and end are not non-negative integers`);
      else if ((selector.end as number) < (selector.start as number))
        problems.push(`${where}: a TextPositionSelector ends before it starts`);
    } else {
      problems.push(`${where}: a selector of unexpected type ${String(selector.type)}`);
    }
  }
  return problems;
}

/** An AnnotationPage (5.2): its IRI, type, items (each an Annotation), partOf, startIndex, next/prev. */
export function pageProblems(page: Json, standalone: boolean): string[] {
  const problems = standalone ? contextProblems(page) : [];
  if (!isIri(page.id)) problems.push("page: id is not exactly one IRI");
  if (!values(page.type).includes("AnnotationPage")) problems.push("page: type is not AnnotationPage");
  // "Each Page MUST have an array of 1 or more Annotations as the value of items."
  if (!Array.isArray(page.items) || page.items.length === 0)
    problems.push("page: items is not a list of one or more annotations");
  if (page.partOf !== undefined && !isIri(page.partOf) && !isIri((page.partOf as Json).id))
    problems.push("page: partOf is not the collection");
  if (page.startIndex !== undefined && !isCount(page.startIndex))
    problems.push("page: startIndex is not a count");
  for (const key of ["next", "prev"]) {
    if (page[key] !== undefined && !isIri(page[key])) problems.push(`page: ${key} is not an IRI`);
  }
  for (const item of values(page.items)) problems.push(...annotationProblems(item as Json, false));
  return problems;
}

/**
 * An AnnotationCollection (5.1) with its first page embedded: the context, IRI, type, total (a count
 * equal to the annotations it holds, for a collection of one page), first and last.
 */
export function collectionProblems(doc: Json): string[] {
  const problems = contextProblems(doc);
  if (!isIri(doc.id)) problems.push("collection: id is not exactly one IRI");
  if (!values(doc.type).includes("AnnotationCollection"))
    problems.push("collection: type is not AnnotationCollection");
  if (!isCount(doc.total)) problems.push("collection: total is not a count");
  const first = doc.first as Json | string | undefined;
  if ((doc.total as number) > 0 && first === undefined)
    problems.push("collection: annotations but no first page");
  if (doc.last !== undefined && !isIri(doc.last)) problems.push("collection: last is not an IRI");
  if (typeof first === "object") {
    problems.push(...pageProblems(first, false));
    if (first.next === undefined && (first.items as unknown[]).length !== doc.total)
      problems.push("collection: total is not the number of annotations");
  }
  return problems;
}
