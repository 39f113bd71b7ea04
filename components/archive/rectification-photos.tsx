"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { shrinkPhoto } from "@/components/entries/shrink-photo";
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_PER_ENTRY } from "@/lib/schemas/evidence";

type Photo = { key: string; preview: string; id?: string; error?: string };

/**
 * Photos of the correction, uploaded as soon as they are chosen (POST /api/v1/rectifications/evidence,
 * which households may use); the form then sends only their ids.
 */
export function RectificationPhotos({ onBusyChange }: { onBusyChange: (busy: boolean) => void }) {
  const t = useTranslations("archive.rectify");
  const [photos, setPhotos] = useState<Photo[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const busy = photos.some((p) => !p.id && !p.error);
  useEffect(() => onBusyChange(busy), [busy, onBusyChange]);
  const update = (key: string, change: Partial<Photo>) => setPhotos((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));

  async function upload(key: string, file: File) {
    try {
      const body = new FormData();
      body.append("file", await shrinkPhoto(file), file.name || "photo.jpg");
      const response = await fetch("/api/v1/rectifications/evidence", { method: "POST", body });
      const json = await response.json();
      update(key, response.ok ? { id: json.id } : { error: json.error?.message ?? t("uploadFailed") });
    } catch {
      update(key, { error: t("uploadFailed") });
    }
  }

  function add(files: FileList | null) {
    const room = EVIDENCE_MAX_PER_ENTRY - photos.filter((p) => !p.error).length;
    const added = [...(files ?? [])].slice(0, Math.max(0, room))
      .map((file) => ({ key: crypto.getRandomValues(new Uint32Array(2)).join("-"), preview: URL.createObjectURL(file), file }));
    setPhotos((list) => [...list, ...added.map(({ key, preview }) => ({ key, preview }))]);
    for (const { key, file } of added) void upload(key, file);
    if (input.current) input.current.value = "";
  }

  function remove(photo: Photo) {
    URL.revokeObjectURL(photo.preview);
    setPhotos((list) => list.filter((p) => p.key !== photo.key));
  }

  const full = photos.filter((p) => !p.error).length >= EVIDENCE_MAX_PER_ENTRY;
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 font-medium">{t("photos", { max: EVIDENCE_MAX_PER_ENTRY })}</legend>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {photos.map((photo) => (
          <li key={photo.key} className="overflow-hidden rounded-md border border-stone-200 bg-white">
            {/* eslint-disable-next-line @next/next/no-img-element -- a local preview (blob: URL) */}
            <img src={photo.preview} alt={t("photoAlt")} className="aspect-square w-full object-cover" />
            {photo.id ? <input type="hidden" name="evidenceIds" value={photo.id} /> : null}
            <p className={`px-2 py-1 text-sm ${photo.error ? "text-red-700" : "text-stone-600"}`} role={photo.error ? "alert" : undefined}>
              {photo.error ?? (photo.id ? t("photoReady") : t("photoUploading"))}
            </p>
            <button type="button" onClick={() => remove(photo)} className="min-h-12 w-full border-t border-stone-200 text-stone-700">{t("photoRemove")}</button>
          </li>
        ))}
      </ul>
      {!full ? (
        <label className="flex min-h-12 cursor-pointer items-center justify-center rounded-md border-2 border-dashed border-stone-300 bg-white px-4 text-lg text-stone-700">
          {t("addPhoto")}
          <input ref={input} type="file" accept={EVIDENCE_ACCEPT.join(",")} multiple className="sr-only" onChange={(e) => add(e.currentTarget.files)} />
        </label>
      ) : null}
    </fieldset>
  );
}
