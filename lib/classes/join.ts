import "server-only";
import { limitJoinCodeLookupsFromClient } from "@/lib/auth/client-limits";
import { db } from "@/lib/db/client";
import { classByJoinCode, normalizeJoinCode } from "@/lib/db/classes";

export type JoinableClass = { id: string; name: string; term: string };

/**
 * The class a join code opens, if it is open: the join page and the join API
 * both ask here, so both count against the same per-client limit on guesses.
 */
export async function findClassToJoin(request: Pick<Request, "headers">, typed: string): Promise<JoinableClass | undefined> {
  const code = normalizeJoinCode(typed);
  if (!code) return undefined;
  await limitJoinCodeLookupsFromClient(request);
  return classByJoinCode(db(), code);
}

export const NO_SUCH_CODE = "That join code does not open a class: check it, or ask your instructor for the current one (codes can be changed or closed).";
