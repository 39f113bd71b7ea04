import "server-only";
import { env } from "@/lib/env";
import { FileStorage } from "./file-storage";

// Where uploaded bytes live. The archive keeps only keys; swapping the filesystem for an object
// store later (several app servers behind a load balancer) changes this file and nothing else.
export type Storage = {
  /** Stores new bytes under a key that is not in use yet. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes under a key, or null when there are none. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes the bytes under a key; a key with no bytes is not an error. */
  delete(key: string): Promise<void>;
};

const globalForStorage = globalThis as unknown as { uploadStorage?: Storage };

export function storage(): Storage {
  globalForStorage.uploadStorage ??= new FileStorage(env.UPLOAD_DIR);
  return globalForStorage.uploadStorage;
}
