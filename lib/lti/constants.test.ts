import { describe, expect, it } from "vitest";
import { classRoleOf } from "./constants";

const M = "http://purl.imsglobal.org/vocab/lis/v2/membership";

describe("classRoleOf", () => {
  it.each([
    [[`${M}#Instructor`], "instructor"],
    [[`${M}/Instructor#TeachingAssistant`], "instructor"],
    [[`${M}#Learner`], "student"],
    [["Learner"], "student"],
    [[`${M}#Learner`, `${M}#Instructor`], "instructor"],
    [[`${M}#Mentor`], undefined],
    // An LMS administrator or an institution's instructor is nobody in this course.
    [["http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator"], undefined],
    [["http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor"], undefined],
    [[], undefined],
  ])("%j → %s", (roles, expected) => {
    expect(classRoleOf(roles)).toBe(expected);
  });
});
