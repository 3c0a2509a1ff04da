/** The error of an inline action (a button in a row), announced at once and tied to its button by `id`. */
export function ActionError({ id, error }: { id: string; error: string | null | undefined }) {
  if (!error) return null;
  return (
    <p id={id} role="alert" className="text-sm text-error">
      {error}
    </p>
  );
}
