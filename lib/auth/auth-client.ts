"use client";

import { createAuthClient } from "better-auth/react";

/** better-auth's browser client: calls /api/auth on this site. Loaded only by the account page. */
export const authClient = createAuthClient();
