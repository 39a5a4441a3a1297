// Follows only the first element at each depth: a ragged array looks rectangular.
function shapeOf(value: unknown): number[] | null {
  if (typeof value === "number") return [];
  if (!Array.isArray(value)) return null;
  if (value.length === 0) return [0];
  const inner = shapeOf(value[0]);
  return inner === null ? null : [value.length, ...inner];
}
