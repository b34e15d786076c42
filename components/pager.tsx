import Link from 'next/link';

/** Previous / next links for a paged list; `hrefFor(page)` builds each link. */
export function Pager({ page, pages, hrefFor, labels }: { page: number; pages: number; hrefFor: (page: number) => string; labels: { prev: string; next: string; page: string } }) {
  if (pages <= 1) return null;
  return (
    <nav className="flex items-center justify-between gap-2 text-sm" aria-label="pagination">
      {page > 1 ? (
        <Link className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50" href={hrefFor(page - 1)}>
          {labels.prev}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-500">{labels.page}</span>
      {page < pages ? (
        <Link className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50" href={hrefFor(page + 1)}>
          {labels.next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
