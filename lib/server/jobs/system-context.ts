import "server-only";
import type { RequestContext } from "@/lib/server/request-context";

/** Who writes the audit records of a periodic job: no person, no address; the job by name. */
export const systemContext = (job: string): RequestContext => ({ ip: "system", userAgent: `job:${job}` });
