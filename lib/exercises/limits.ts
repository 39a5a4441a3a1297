/** What a submission or draft may be: shared by the API (which enforces it) and the page (which says it). */
export const MAX_CODE_CHARACTERS = 50_000;
