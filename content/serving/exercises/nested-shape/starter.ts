function shapeOf(value: unknown): number[] | null {
  // Your code
  return null;
}
