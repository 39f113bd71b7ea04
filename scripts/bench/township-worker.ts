import { parentPort, workerData } from "node:worker_threads";
import { copyTexts } from "../../prisma/seed/copy-writer";
import { generateBatches } from "../../prisma/seed/generate";
import { prefectureTownship } from "../../prisma/seed/prefecture";
import type { TownshipBatch, TownshipJob, WorkerOptions } from "./township-workers";

// A worker thread of bench:data (township-workers.ts): generates its townships one after the
// other, each village's rows turned into COPY text here and handed to the main thread, which
// only streams them. It starts a township when the main thread allows it (one at the start, then
// one each time the main thread begins writing one of this worker's townships), so at most about
// one township's text waits in memory per worker.

const port = parentPort;
if (!port) throw new Error("township-worker.ts runs in a worker thread (township-workers.ts)");
const { jobs, options } = workerData as { jobs: TownshipJob[]; options: WorkerOptions };

let allowed = 1;
let wake: (() => void) | null = null;
port.on("message", () => {
  allowed += 1;
  wake?.();
});
const mayStart = async () => {
  while (allowed === 0) await new Promise<void>((resolve) => { wake = resolve; });
  allowed -= 1;
};

for (const { index, households } of jobs) {
  await mayStart();
  for await (const batch of generateBatches({ ...options, households, township: prefectureTownship(index) })) {
    const texts = copyTexts(batch.data);
    const message: TownshipBatch = { index, texts };
    port.postMessage(message, texts.map((t) => t.bytes.buffer as ArrayBuffer)); // each its own (copy-writer.ts: allocUnsafeSlow)
  }
  port.postMessage({ index, texts: null } satisfies TownshipBatch);
}
// The main thread ends the worker (terminate) once it has written every township.
