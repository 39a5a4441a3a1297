import { describe, expect, it } from "vitest";
import { exercisePlacements, LessonSyntaxError, parseLesson } from "./lesson-tree";

const lesson = (body: string) => `---\ntitle: A lesson\n---\n\n${body}`;

describe("parseLesson", () => {
  it("finds each <Exercise> in page order with its line, as the compiler parses the lesson", () => {
    const tree = parseLesson("x.mdx", lesson('Intro with $x^2$.\n\n<Exercise id="first" />\n\n```ts run\n1 + 1\n```\n\n<Exercise id="second" />\n'));
    expect(exercisePlacements(tree)).toEqual([
      { exerciseId: "first", line: 7 },
      { exerciseId: "second", line: 13 },
    ]);
  });

  it("does not take an <Exercise> written inside a code block for a placement", () => {
    const tree = parseLesson("x.mdx", lesson('```mdx\n<Exercise id="example" />\n```\n'));
    expect(exercisePlacements(tree)).toEqual([]);
  });

  it.each([
    ["an unclosed tag, whose place the parser writes into its message", "Text\n\n<Callout>\nunclosed\n", 7, 1, "Expected a closing tag for `<Callout>`"],
    ["a broken attribute, whose place the parser reports itself", "Text\n\nand a <broken tag here\n", 7, 23, "Unexpected end of file in attribute name"],
  ])("reports %s at the parser's line and column", (_, body, line, column, message) => {
    let problem;
    try {
      parseLesson("content/m/x.mdx", lesson(body));
    } catch (error) {
      if (error instanceof LessonSyntaxError) problem = error.problem;
    }
    expect(problem).toMatchObject({ file: "content/m/x.mdx", line, column, message: expect.stringContaining(message) });
    expect(problem!.message).not.toMatch(/\(\d+:\d+/);
  });
});
