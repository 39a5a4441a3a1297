/** `text` cut to `max` characters, saying how much was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (truncated: ${(text.length - max).toLocaleString("en")} more characters)`;
}
