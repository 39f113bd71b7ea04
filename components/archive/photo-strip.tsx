import type { ArchiveEntry } from "@/lib/schemas/archive";

/** Small thumbnails; each opens the photo itself, served only to those who may read the entry. */
export function PhotoStrip({ photos, alt }: { photos: ArchiveEntry["evidence"]; alt: string }) {
  if (photos.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2" data-testid="photo-strip">
      {photos.map((photo) => (
        <li key={photo.id}>
          <a href={photo.url} target="_blank" rel="noopener" className="block size-20 overflow-hidden rounded-md border border-stone-200">
            {/* eslint-disable-next-line @next/next/no-img-element -- served by the API only to those who may read the entry */}
            <img src={photo.url} alt={alt} width={80} height={80} loading="lazy" decoding="async" className="size-full object-cover" />
          </a>
        </li>
      ))}
    </ul>
  );
}
