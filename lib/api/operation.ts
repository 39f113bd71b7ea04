import type { z } from "zod";
import type { Permission } from "@/lib/server/authz";

// One description per API operation: the route handler validates with these schemas and the
// OpenAPI document is generated from them, so the two cannot disagree.
export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

export type Operation = {
  id: string;
  method: HttpMethod;
  path: string; // OpenAPI style, under /api/v1: "/accounts/{id}"
  summary: string;
  tag: string;
  permission: Permission | null; // null: public
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  status?: 200 | 201 | 204;
  // A file upload: `body` describes the parts of a multipart/form-data request.
  multipart?: true;
  // A file download: the media type of the Response the handler returns (JSON otherwise).
  produces?: string;
  // Throttled: may answer 429 with Retry-After and the RateLimit-* headers.
  rateLimited?: true;
};

export const defineOperation = <const O extends Operation>(operation: O): O => operation;

/**
 * Operations that create something (POST answering 201): they take the Idempotency-Key header
 * (lib/server/api/idempotency.ts) and the OpenAPI document says so.
 */
export const isCreatingOperation = (operation: Operation): boolean => operation.method === "POST" && operation.status === 201;
