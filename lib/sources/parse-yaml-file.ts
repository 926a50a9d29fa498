import { LineCounter, parseDocument, isNode } from "yaml";
import type { z } from "zod";
import { SourceFileError } from "./source-file-error.ts";

/** A YAML file parsed with its schema, and the way back from a key path to its line. */
export interface ParsedYamlFile<T> {
  data: T;
  /** The line of the deepest node of `keyPath` that exists (a missing key gives its parent's line). */
  lineOf(keyPath: (string | number)[]): number;
}

/**
 * Parses `source` (the text of `file`, named relative to the sources folder) as YAML and validates it
 * with `schema`. A syntax error or the first schema issue throws a SourceFileError naming the line.
 */
export function parseYamlFile<S extends z.ZodType>(
  file: string,
  source: string,
  schema: S,
): ParsedYamlFile<z.infer<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    throw new SourceFileError(
      file,
      lineCounter.linePos(yamlError.pos[0]).line,
      `not valid YAML: ${yamlError.message.split("\n")[0]}`,
    );
  }
  const lineOf = (keyPath: (string | number)[]) => {
    for (let depth = keyPath.length; depth >= 0; depth--) {
      const node: unknown = depth === 0 ? doc.contents : doc.getIn(keyPath.slice(0, depth), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return { data: parsed.data, lineOf };
  const issue = parsed.error.issues[0]!;
  const keyPath = issue.path.map(String);
  const where = keyPath.length ? `${keyPath.join(".")}: ` : "";
  throw new SourceFileError(file, lineOf(keyPath), `${where}${issue.message}`);
}
