import { parse, type Node, type Program } from "acorn";
import MagicString from "magic-string";
import { transform } from "sucrase";

/** The learner's code failed before it ran; `line` is the cell's own line. */
export class CellSyntaxError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = "SyntaxError";
  }
}

const TFJS_IMPORT = /^@tensorflow\/tfjs(-core|-layers)?$/;

type Declarator = Node & { id: Node & { name?: string }; init: Node | null };
type Statement = Node & {
  declarations?: Declarator[];
  id?: (Node & { name: string }) | null;
  expression?: Node;
  source?: Node & { value: unknown };
};

/**
 * Turns a cell's TypeScript into the body of an async function that, run in
 * the kernel's global scope, behaves like a notebook cell:
 * - TypeScript is transpiled (Sucrase keeps every line where it was, so error
 *   lines still point into the learner's code);
 * - top-level `const`/`let`/`var`, functions and classes become assignments to
 *   globals, so later cells see them and re-running a cell never fails with
 *   "already declared";
 * - top-level `await` works because the body is an async function;
 * - the value of a final expression statement is returned, to be displayed;
 * - `import … from "@tensorflow/tfjs"` is dropped, since `tf` is already there.
 */
export function prepareCell(source: string, fileName: string): string {
  let js: string;
  try {
    js = transform(source, { transforms: ["typescript"], disableESTransforms: true, keepUnusedImports: true, production: true }).code;
  } catch (error) {
    throw syntaxError(error);
  }

  let program: Program;
  try {
    program = parse(js, { ecmaVersion: "latest", sourceType: "module", allowAwaitOutsideFunction: true, locations: true });
  } catch (error) {
    throw syntaxError(error);
  }

  const code = new MagicString(js);
  const body = program.body as Statement[];
  body.forEach((statement, index) => {
    switch (statement.type) {
      case "VariableDeclaration": {
        const declarations = statement.declarations ?? [];
        const first = declarations[0];
        if (!first) break;
        code.overwrite(statement.start, first.start, ";(");
        for (const declarator of declarations) {
          if (!declarator.init) code.appendLeft(declarator.id.end, " = undefined");
        }
        const last = declarations[declarations.length - 1]!;
        code.appendLeft(last.end, ")");
        break;
      }
      case "FunctionDeclaration":
      case "ClassDeclaration":
        if (statement.id) {
          code.prependLeft(statement.start, `;${statement.id.name} = `);
          // Now an expression statement: end it, or a following `return (…)` would join it.
          code.appendLeft(statement.end, ";");
        }
        break;
      case "ImportDeclaration": {
        const from = String(statement.source?.value ?? "");
        if (!TFJS_IMPORT.test(from)) {
          const line = statement.loc?.start.line;
          throw new CellSyntaxError(`Cells cannot import "${from}"; \`tf\`, \`display\` and \`data\` are already available.`, line, 1);
        }
        code.overwrite(statement.start, statement.end, "");
        break;
      }
      case "ExportNamedDeclaration":
      case "ExportDefaultDeclaration":
      case "ExportAllDeclaration":
        throw new CellSyntaxError("Cells cannot export; a top-level name is already shared with the cells after it.", statement.loc?.start.line, 1);
      case "ExpressionStatement":
        if (index === body.length - 1 && statement.expression) {
          code.prependLeft(statement.expression.start, "return (");
          code.appendLeft(statement.expression.end, ")");
        }
        break;
    }
  });

  // The sourceURL names the cell in stack traces, which is how errors find their line.
  return `${code.toString()}\n//# sourceURL=${fileName}`;
}

function syntaxError(error: unknown): CellSyntaxError {
  const e = error as { message?: string; loc?: { line: number; column: number } };
  const message = (e.message ?? String(error)).replace(/\s*\(\d+:\d+\)$/, "");
  return new CellSyntaxError(message, e.loc?.line, e.loc ? e.loc.column + 1 : undefined);
}
