/**
 * Text-only "République Française" block, in the DSFR layout (name on two lines, then the motto).
 * Reserved for State services: rendered only when an ANS deployment turns the switch on.
 * The official Marianne logo and font are not bundled; add them here when ANS provides them.
 */
export function StateBrand() {
  return (
    <p className="border-r border-grey-200 pr-6 leading-none">
      <span className="block text-lg font-bold uppercase tracking-tight text-grey-950">
        République
        <br />
        Française
      </span>
      <span className="mt-2 block text-xs italic text-grey-800">
        Liberté
        <br />
        Égalité
        <br />
        Fraternité
      </span>
    </p>
  );
}
