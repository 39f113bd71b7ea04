"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_PER_ENTRY } from "@/lib/schemas/evidence";
import { shrinkPhoto } from "./shrink-photo";

type Photo = { key: string; preview: string; id?: string; error?: string };

type Props = {
  onBusyChange: (busy: boolean) => void;
  error?: string;
  // Entries' photos (clerks) or a rectification's (households too), each with its own texts.
  endpoint?: "/api/v1/evidence" | "/api/v1/rectifications/evidence";
  namespace?: "entries.new" | "archive.rectify";
};

/**
 * Photos are uploaded as soon as they are taken; the form then sends only their ids. A photo
 * that failed shows why and can be removed.
 */
export function EvidenceUploader({ onBusyChange, error, endpoint = "/api/v1/evidence", namespace = "entries.new" }: Props) {
  const t = useTranslations(namespace);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const busy = photos.some((p) => !p.id && !p.error);
  useEffect(() => onBusyChange(busy), [busy, onBusyChange]);

  const update = (key: string, change: Partial<Photo>) =>
    setPhotos((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));

  async function upload(photo: Photo, file: File) {
    try {
      const body = new FormData();
      body.append("file", await shrinkPhoto(file), file.name || "photo.jpg");
      const response = await fetch(endpoint, { method: "POST", body });
      const json = await response.json();
      if (response.ok) update(photo.key, { id: json.id });
      else update(photo.key, { error: fileError(json) ?? json.error?.message ?? t("uploadFailed") });
    } catch {
      update(photo.key, { error: t("uploadFailed") });
    }
  }

  function add(files: FileList | null) {
    const room = EVIDENCE_MAX_PER_ENTRY - photos.filter((p) => !p.error).length;
    const chosen = [...(files ?? [])].slice(0, Math.max(0, room));
    setNotice((files?.length ?? 0) > chosen.length ? t("photoLimit", { max: EVIDENCE_MAX_PER_ENTRY }) : null);
    const added = chosen.map((file) => ({ key: crypto.getRandomValues(new Uint32Array(2)).join("-"), preview: URL.createObjectURL(file), file }));
    setPhotos((list) => [...list, ...added.map(({ key, preview }) => ({ key, preview }))]);
    for (const { file, ...photo } of added) void upload(photo, file);
    if (input.current) input.current.value = "";
  }

  function remove(photo: Photo) {
    URL.revokeObjectURL(photo.preview);
    setPhotos((list) => list.filter((p) => p.key !== photo.key));
    setNotice(null);
  }

  const full = photos.filter((p) => !p.error).length >= EVIDENCE_MAX_PER_ENTRY;
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 font-medium">{t("photos", { max: EVIDENCE_MAX_PER_ENTRY })}</legend>
      <p className="text-sm text-stone-500">{t("photosHint", { max: EVIDENCE_MAX_PER_ENTRY })}</p>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="evidence-list">
        {photos.map((photo) => (
          <li key={photo.key} className="relative overflow-hidden rounded-md border border-stone-200 bg-white">
            {/* eslint-disable-next-line @next/next/no-img-element -- a local preview (blob: URL) */}
            <img src={photo.preview} alt={t("photoAlt")} className="aspect-square w-full object-cover" />
            {photo.id ? <input type="hidden" name="evidenceIds" value={photo.id} /> : null}
            <p className={`px-2 py-1 text-sm ${photo.error ? "text-red-700" : "text-stone-600"}`} role={photo.error ? "alert" : undefined}>
              {photo.error ?? (photo.id ? t("photoReady") : t("photoUploading"))}
            </p>
            <button type="button" onClick={() => remove(photo)} className="min-h-12 w-full border-t border-stone-200 text-stone-700">
              {t("photoRemove")}
            </button>
          </li>
        ))}
      </ul>
      {!full ? (
        <label className="flex min-h-12 cursor-pointer items-center justify-center rounded-md border-2 border-dashed border-stone-300 bg-white px-4 text-lg text-stone-700">
          {t("addPhoto")}
          <input
            ref={input} type="file" accept={EVIDENCE_ACCEPT.join(",")} capture="environment" multiple
            className="sr-only" onChange={(event) => add(event.currentTarget.files)} data-testid="evidence-input"
          />
        </label>
      ) : null}
      {notice ? <p className="text-sm text-amber-800">{notice}</p> : null}
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
    </fieldset>
  );
}

// The API's details list the failing fields, each with its translated message.
function fileError(json: { error?: { details?: { field: string; message: string }[] } }): string | undefined {
  return json.error?.details?.find((d) => d.field === "file")?.message;
}
