"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_PER_ENTRY } from "@/lib/schemas/evidence";
import { shrinkPhoto } from "./shrink-photo";
import { uploadPhoto } from "./upload-photo";

// `key`: the photo's own, for its whole life in the form; every upload of it sends it as its
// Idempotency-Key. `unsent`: the upload got no answer (no signal); the photo is kept and sent again.
type Photo = { key: string; preview: string; id?: string; error?: string; unsent?: boolean };

// An upload without an answer is tried again after 2 s and 5 s, then when the phone is back
// online or the clerk presses 重新上传.
const RETRY_DELAYS_MS = [2_000, 5_000];

type Props = {
  onBusyChange: (busy: boolean) => void;
  error?: string;
  // Entries' photos (clerks) or a rectification's (households too), each with its own texts.
  endpoint?: "/api/v1/evidence" | "/api/v1/rectifications/evidence";
  namespace?: "entries.new" | "archive.rectify";
};

/**
 * Photos are uploaded as soon as they are taken; the form then sends only their ids. A photo
 * the server refused shows why and can be removed; one that got no answer is kept (the shrunk
 * file stays in memory) and sent again, and the form waits for it.
 */
export function EvidenceUploader({ onBusyChange, error, endpoint = "/api/v1/evidence", namespace = "entries.new" }: Props) {
  const t = useTranslations(namespace);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  // The files still to be uploaded, by photo key; a photo leaves once uploaded, refused or removed.
  const pending = useRef(new Map<string, { file: Blob; name: string }>());
  const sending = useRef(new Set<string>()); // one upload at a time per photo, whoever retries
  const busy = photos.some((p) => !p.id && (!p.error || p.unsent));
  useEffect(() => onBusyChange(busy), [busy, onBusyChange]);

  const update = (key: string, change: Partial<Photo>) =>
    setPhotos((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));

  const upload = useCallback(async (key: string) => {
    if (sending.current.has(key)) return;
    sending.current.add(key);
    try {
      for (let attempt = 0; ; attempt++) {
        const photo = pending.current.get(key);
        if (!photo) return;
        const result = await uploadPhoto(endpoint, key, photo.file, photo.name);
        if (!pending.current.has(key)) return; // removed meanwhile
        if (result.kind !== "unanswered") {
          pending.current.delete(key);
          // A refusal names the file's problem (type, size) where it can.
          setPhotos((list) => list.map((p) => (p.key !== key ? p : result.kind === "done"
            ? { ...p, id: result.value.id, error: undefined, unsent: false }
            : { ...p, error: result.fieldErrors.file ?? result.message, unsent: false })));
          return;
        }
        const delay = navigator.onLine ? RETRY_DELAYS_MS[attempt] : undefined;
        if (delay === undefined) {
          update(key, { error: t("uploadFailed"), unsent: true });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    } finally {
      sending.current.delete(key);
    }
  }, [endpoint, t]);

  const retry = useCallback((key: string) => {
    update(key, { error: undefined, unsent: false });
    void upload(key);
  }, [upload]);

  // Back online: every photo that got no answer is sent again.
  const unsentKeys = photos.filter((p) => p.unsent).map((p) => p.key).join(",");
  useEffect(() => {
    if (!unsentKeys) return;
    const online = () => unsentKeys.split(",").forEach(retry);
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [unsentKeys, retry]);

  async function start(key: string, file: File) {
    pending.current.set(key, { file: await shrinkPhoto(file), name: file.name || "photo.jpg" });
    await upload(key);
  }

  function add(files: FileList | null) {
    const room = EVIDENCE_MAX_PER_ENTRY - photos.filter(counts).length;
    const chosen = [...(files ?? [])].slice(0, Math.max(0, room));
    setNotice((files?.length ?? 0) > chosen.length ? t("photoLimit", { max: EVIDENCE_MAX_PER_ENTRY }) : null);
    const added = chosen.map((file) => ({ key: crypto.getRandomValues(new Uint32Array(2)).join("-"), preview: URL.createObjectURL(file), file }));
    setPhotos((list) => [...list, ...added.map(({ key, preview }) => ({ key, preview }))]);
    for (const { key, file } of added) void start(key, file);
    if (input.current) input.current.value = "";
  }

  function remove(photo: Photo) {
    URL.revokeObjectURL(photo.preview);
    pending.current.delete(photo.key);
    setPhotos((list) => list.filter((p) => p.key !== photo.key));
    setNotice(null);
  }

  const full = photos.filter(counts).length >= EVIDENCE_MAX_PER_ENTRY;
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 font-medium">{t("photos", { max: EVIDENCE_MAX_PER_ENTRY })}</legend>
      <p id={`${id}-hint`} className="text-sm text-stone-500">{t("photosHint", { max: EVIDENCE_MAX_PER_ENTRY })}</p>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="evidence-list">
        {photos.map((photo) => (
          <li key={photo.key} className="relative overflow-hidden rounded-md border border-stone-200 bg-white">
            {/* eslint-disable-next-line @next/next/no-img-element -- a local preview (blob: URL) */}
            <img src={photo.preview} alt={t("photoAlt")} className="aspect-square w-full object-cover" />
            {photo.id ? <input type="hidden" name="evidenceIds" value={photo.id} /> : null}
            <p className={`px-2 py-1 text-sm ${photo.error ? "text-red-700" : "text-stone-600"}`} role={photo.error ? "alert" : undefined}>
              {photo.error ?? (photo.id ? t("photoReady") : t("photoUploading"))}
            </p>
            {photo.unsent ? (
              <button type="button" onClick={() => retry(photo.key)} className="min-h-12 w-full border-t border-stone-200 font-medium text-red-800">
                {t("photoRetry")}
              </button>
            ) : null}
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
            aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
            className="sr-only" onChange={(event) => add(event.currentTarget.files)} data-testid="evidence-input"
          />
        </label>
      ) : null}
      {notice ? <p className="text-sm text-amber-800">{notice}</p> : null}
      {error ? <p id={`${id}-error`} className="text-sm text-red-700">{error}</p> : null}
    </fieldset>
  );
}

// A photo counts towards the limit unless the server refused it.
const counts = (photo: Photo) => !photo.error || photo.unsent === true;
