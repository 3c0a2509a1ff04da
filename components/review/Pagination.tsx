import Link from "next/link";

/** Page links: first, previous, a window around the current page, next, last. `hrefOf` builds each link. */
export function Pagination({ page, pageCount, hrefOf, label = "Pagination" }: { page: number; pageCount: number; hrefOf: (page: number) => string; label?: string }) {
  if (pageCount <= 1) return null;
  const pages = new Set<number>([1, pageCount]);
  for (let p = Math.max(1, page - 2); p <= Math.min(pageCount, page + 2); p++) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const linkClass = "inline-block min-w-10 border border-grey-200 px-3 py-2 text-center";
  return (
    <nav aria-label={label} className="mt-6">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 && (
          <li>
            <Link href={hrefOf(page - 1)} className={linkClass}>
              Page précédente
            </Link>
          </li>
        )}
        {sorted.map((p, index) => (
          <li key={p} className="flex items-center gap-2">
            {index > 0 && p - (sorted[index - 1] ?? p) > 1 ? <span aria-hidden="true">…</span> : null}
            {p === page ? (
              <span aria-current="page" className={`${linkClass} bg-primary font-bold text-white`}>
                <span className="sr-only">Page </span>
                {p}
              </span>
            ) : (
              <Link href={hrefOf(p)} className={linkClass}>
                <span className="sr-only">Page </span>
                {p}
              </Link>
            )}
          </li>
        ))}
        {page < pageCount && (
          <li>
            <Link href={hrefOf(page + 1)} className={linkClass}>
              Page suivante
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
