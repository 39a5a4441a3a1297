import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCourse } from "./course";

const fixtures = path.resolve(import.meta.dirname, "../../test/fixtures");
const root = path.resolve(import.meta.dirname, "../..");
const read = (name: string) => readCourse(path.join(fixtures, name), root);
const where = (p: { file: string; line: number; column: number }) => `${p.file}:${p.line}:${p.column}`;

describe("readCourse on a good course", () => {
  it("orders modules and lessons by their `order`, not by file name", async () => {
    const { course, problems } = await read("good");
    expect(problems).toEqual([]);
    expect(course.modules.map((m) => m.slug)).toEqual(["basics", "advanced"]);
    expect(course.lessons.map((l) => l.href)).toEqual([
      "/learn/basics/first",
      "/learn/basics/second",
      "/learn/advanced/custom-slug",
    ]);
  });

  it("keeps the validated frontmatter", async () => {
    const { course } = await read("good");
    expect(course.lessons[0]).toMatchObject({
      title: "First lesson",
      minutes: 10,
      objectives: ["Read inline math", "Read display math"],
      file: "test/fixtures/good/basics/first.mdx",
    });
  });
});

describe("readCourse on broken courses", () => {
  it("reports a duplicate order and a duplicate slug at the later lesson's field", async () => {
    const { problems } = await read("duplicates");
    expect(problems.map((p) => `${where(p)} ${p.message}`)).toEqual([
      "test/fixtures/duplicates/basics/beta.mdx:4:1 lesson order `1` is already used by test/fixtures/duplicates/basics/alpha.mdx",
      "test/fixtures/duplicates/basics/beta.mdx:8:1 lesson slug `alpha` is already used by test/fixtures/duplicates/basics/alpha.mdx",
    ]);
    expect(problems.every((p) => p.fix.length > 0)).toBe(true);
  });

  it("reports every frontmatter mistake with its line and column and a fix", async () => {
    const { problems } = await read("broken-frontmatter");
    const reported = problems.map((p) => `${where(p)} ${p.message}`);
    expect(reported).toEqual(
      expect.arrayContaining([
        "test/fixtures/broken-frontmatter/basics/module.yaml:3:8 field `order`: Invalid input: expected number, received string",
        "test/fixtures/broken-frontmatter/basics/bad-fields.mdx:3:1 unknown field `summery`",
        "test/fixtures/broken-frontmatter/basics/bad-fields.mdx:2:1 missing field `summary`",
        "test/fixtures/broken-frontmatter/basics/bad-fields.mdx:5:10 field `minutes`: Invalid input: expected number, received string",
        "test/fixtures/broken-frontmatter/basics/no-frontmatter.mdx:1:1 the lesson has no frontmatter",
      ]),
    );
    expect(reported).toContainEqual(expect.stringMatching(/^test\/fixtures\/broken-frontmatter\/basics\/bad-fields\.mdx:6:\d+ field `objectives`/));
    expect(reported).toContainEqual(expect.stringMatching(/^test\/fixtures\/broken-frontmatter\/basics\/bad-yaml\.mdx:\d+:\d+ invalid YAML/));
    const unknownField = problems.find((p) => p.message.includes("summery"));
    expect(unknownField?.fix).toContain("summary");
  });

  it("treats a folder without module.yaml as a mistake, not as nothing", async () => {
    const { problems } = await read(".");
    expect(problems.map((p) => p.message)).toContainEqual("folder has no module.yaml, so it is not a module");
  });
});
