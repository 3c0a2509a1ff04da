/** Ids of the hint and error texts of a form field, derived from the field's id. */
export function fieldIds(id: string): { hintId: string; errorId: string } {
  return { hintId: `${id}-hint`, errorId: `${id}-error` };
}

/**
 * The value of aria-describedby for a field: its hint, its error, and any id the caller passed,
 * or undefined when there is none.
 */
export function describedBy(
  id: string,
  options: { hasHint: boolean; hasError: boolean; extra?: string | undefined },
): string | undefined {
  const { hintId, errorId } = fieldIds(id);
  const ids = [options.hasHint && hintId, options.hasError && errorId, options.extra].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/** True when a hint or error prop holds something to show. */
export function hasContent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false && value !== "";
}
