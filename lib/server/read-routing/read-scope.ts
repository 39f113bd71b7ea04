import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

// The client that `db` (lib/server/db.ts) hands out inside withLagTolerantReads: one routed to a
// replica (./lag-tolerant-reads.ts). Kept on globalThis, as the client itself is: the several
// server bundles of one process must share one store.
const globalForScope = globalThis as unknown as { fcaReadScope?: AsyncLocalStorage<object> };
const store = (globalForScope.fcaReadScope ??= new AsyncLocalStorage<object>());

/** The replica-routed client of the running lag-tolerant read, or undefined (the primary). */
export const scopedReadClient = (): object | undefined => store.getStore();

export const runWithReadClient = <T>(client: object, fn: () => Promise<T>): Promise<T> => store.run(client, fn);
