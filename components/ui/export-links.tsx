type Props = { label: string; links: { href: string; text: string }[] };

/**
 * Download links for a table (an API route answering a file): plain anchors, so that the browser
 * downloads instead of the router prefetching a spreadsheet.
 */
export function ExportLinks({ label, links }: Props) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-2 print:hidden" data-testid="export-links">
      {links.map((link) => (
        <a key={link.href} href={link.href} download className="flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 text-red-800">
          {link.text}
        </a>
      ))}
    </nav>
  );
}
