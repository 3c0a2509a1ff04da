/** The ten recovery codes, shown once. */
export function RecoveryCodesList({ codes }: { codes: string[] }) {
  return (
    <div className="space-y-3">
      <p>
        Conservez ces codes de secours en lieu sûr (gestionnaire de mots de passe, papier sous clé) : chacun remplace une fois le code de votre application, si vous la perdez. <strong>Ils ne seront plus affichés.</strong>
      </p>
      <ol aria-label="Codes de secours" className="grid max-w-md grid-cols-2 gap-2 font-mono text-lg">
        {codes.map((code) => (
          <li key={code} className="rounded border border-grey-400 px-3 py-1 text-center">
            {code}
          </li>
        ))}
      </ol>
    </div>
  );
}
