import { isMap, isScalar, LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import type { ContentProblem } from "./problems";

type Place = { line: number; column: number };

/** Where a YAML block sits in its file, so problems point at the file's own lines. */
export type YamlSource = { file: string; text: string; firstLine: number };

/** The line of each top-level key in the original file, for problems found after parsing. */
export function keyLines(source: YamlSource): Record<string, number> {
  const lines: Record<string, number> = {};
  source.text.split("\n").forEach((text, index) => {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(text)?.[1];
    if (key && !(key in lines)) lines[key] = index + source.firstLine;
  });
  return lines;
}

/** How to fix each field, shown after the validator's own message. */
export type FieldHints = Record<string, string>;

/**
 * Parses YAML and validates it against a zod schema. Every problem carries the
 * line and column of the offending key or value in the original file.
 */
export function parseYamlWithSchema<Schema extends z.ZodType>(
  source: YamlSource,
  schema: Schema,
  hints: FieldHints,
): { data: z.infer<Schema>; problems: [] } | { data: undefined; problems: ContentProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + source.firstLine - 1, column: col };
  };

  if (doc.errors.length > 0) {
    return {
      data: undefined,
      problems: doc.errors.map((error) => ({
        file: source.file,
        ...at(error.pos[0]),
        message: `invalid YAML: ${error.message.split("\n")[0]}`,
        fix: "Write one `key: value` per line; quote values that contain a colon, e.g. `title: \"Losses: a primer\"`.",
      })),
    };
  }

  const result = schema.safeParse(doc.toJS() ?? {});
  if (result.success) return { data: result.data, problems: [] };

  return {
    data: undefined,
    problems: result.error.issues.flatMap((issue): ContentProblem[] => {
      if (issue.code === "unrecognized_keys") {
        return issue.keys.map((key) => ({
          file: source.file,
          ...at(keyOffset(doc, [...issue.path, key])),
          message: `unknown field \`${key}\``,
          fix: `Remove it or correct its spelling; the allowed fields are: ${Object.keys(hints).join(", ")}.`,
        }));
      }
      const field = String(issue.path[0] ?? "");
      const missing = !doc.hasIn(issue.path as unknown[]);
      return [
        {
          file: source.file,
          ...at(missing ? 0 : valueOffset(doc, issue.path)),
          message: missing
            ? `missing field \`${field}\``
            : `field \`${issue.path.join(".")}\`: ${issue.message}`,
          fix: hints[field] ?? "Check this field against the list in the README's authoring section.",
        },
      ];
    }),
  };
}

function valueOffset(doc: Document, path: PropertyKey[]): number {
  const node = doc.getIn(path as unknown[], true);
  if (node && typeof node === "object" && "range" in node && Array.isArray(node.range)) {
    return node.range[0] as number;
  }
  return path.length > 1 ? valueOffset(doc, path.slice(0, -1)) : keyOffset(doc, path);
}

function keyOffset(doc: Document, path: PropertyKey[]): number {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1) as unknown[], true) : doc.contents;
  const key = path[path.length - 1];
  if (isMap(parent)) {
    for (const pair of parent.items) {
      if (isScalar(pair.key) && pair.key.value === key && pair.key.range) return pair.key.range[0];
    }
  }
  return 0;
}
