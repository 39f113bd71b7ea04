"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { postEntry, type RecordEntryBody } from "./post-entry";

export type Submission =
  | { phase: "editing"; message?: string; fieldErrors?: Record<string, string> }
  | { phase: "sending"; retrying: boolean }
  // The last attempt got no answer. `autoRetry`: another attempt is scheduled; "offline": one
  // follows when the phone is back online; "manual": the clerk retries by hand.
  | { phase: "unanswered"; autoRetry: "scheduled" | "offline" | "manual" }
  | { phase: "recorded"; id: string; replayed: boolean };

// After an attempt without an answer: the next after 2 s, then 5, 10, 20 and 30 s; after that the
// clerk presses 重新提交 (or the phone reports it is back online).
const RETRY_DELAYS_MS = [2_000, 5_000, 10_000, 20_000, 30_000];

/**
 * Records an entry the way a weak signal needs: what was sent is kept, unchanged, until the server
 * confirms it, and every retry sends it again with the same idempotency key, so a retry after a
 * lost answer returns the entry already recorded instead of a second one. Only a refusal (nothing
 * was recorded) hands the form back for correction.
 */
export function useEntrySubmission() {
  const [submission, setSubmission] = useState<Submission>({ phase: "editing" });
  const sent = useRef<RecordEntryBody | null>(null);
  const attempts = useRef(0);
  const inFlight = useRef(false);

  const send = useCallback(async () => {
    if (!sent.current || inFlight.current) return;
    inFlight.current = true;
    setSubmission({ phase: "sending", retrying: attempts.current > 0 });
    attempts.current += 1;
    const result = await postEntry(sent.current);
    inFlight.current = false;
    if (result.kind === "done") {
      setSubmission({ phase: "recorded", id: result.value.id, replayed: result.replayed });
    } else if (result.kind === "refused") {
      sent.current = null;
      attempts.current = 0;
      setSubmission({ phase: "editing", message: result.message, fieldErrors: result.fieldErrors });
    } else {
      const offline = !navigator.onLine;
      const scheduled = !offline && attempts.current <= RETRY_DELAYS_MS.length;
      setSubmission({ phase: "unanswered", autoRetry: offline ? "offline" : scheduled ? "scheduled" : "manual" });
    }
  }, []);

  const waiting = submission.phase === "unanswered";
  const scheduled = waiting && submission.autoRetry === "scheduled";
  useEffect(() => {
    if (!scheduled) return;
    const timer = setTimeout(() => void send(), RETRY_DELAYS_MS[attempts.current - 1]);
    return () => clearTimeout(timer);
  }, [scheduled, send]);

  useEffect(() => {
    if (!waiting) return;
    const online = () => void send();
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [waiting, send]);

  /** Sends a new entry; while one is unconfirmed, sends that one again instead. */
  const submit = useCallback((body: RecordEntryBody) => {
    if (!sent.current) {
      sent.current = body;
      attempts.current = 0;
    }
    void send();
  }, [send]);

  return { submission, submit };
}
