import { z } from "zod";

/** A class's name and term, as an instructor creates or renames it. */
export const ClassInput = z.strictObject({
  name: z.string().trim().min(1, "name must not be empty").max(120),
  term: z.string().trim().max(60).default(""),
});
export type ClassInput = z.infer<typeof ClassInput>;

export const JoinCodeInput = z.strictObject({ open: z.boolean() });

export const InstructorInput = z.strictObject({ email: z.email("email must be an email address").max(254) });

/** What a student sends to join: the code as they typed it (normalised by the server). */
export const JoinInput = z.strictObject({ code: z.string().max(40) });
