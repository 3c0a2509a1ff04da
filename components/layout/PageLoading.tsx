export type PageLoadingProps = { label: string };

/** What a slow page shows while it loads (its loading.tsx): a sober skeleton and a polite announcement. */
export function PageLoading({ label }: PageLoadingProps) {
  return (
    <div className="mx-auto max-w-5xl px-4 py-10" role="status" aria-live="polite">
      <p className="text-lg font-medium text-grey-800">{label}</p>
      <div aria-hidden="true" className="mt-6 space-y-4 motion-safe:animate-pulse">
        <div className="h-8 w-2/3 rounded bg-grey-100" />
        <div className="h-4 w-full rounded bg-grey-100" />
        <div className="h-4 w-5/6 rounded bg-grey-100" />
        <div className="h-40 w-full rounded bg-grey-50" />
      </div>
    </div>
  );
}
