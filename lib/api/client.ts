import createClient, { type Client } from "openapi-fetch";
import type { paths } from "./generated/v1";

// A typed client of /api/v1: paths, parameters, bodies and answers come from the OpenAPI
// document (lib/api/generated/v1.d.ts, `npm run api:types`), so a call that no longer matches
// the handlers is a type error.
//   const api = createApiClient("https://archive.example.cn", fetch, { authorization: `Bearer ${token}` });
//   const { data, error } = await api.GET("/api/v1/villages/{id}/entries", { params: { path: { id }, query: { status: "PENDING" } } });
export type ApiClient = Client<paths>;
export type { paths as ApiPaths } from "./generated/v1";

export function createApiClient(baseUrl: string, fetchImpl: (request: Request) => Promise<Response> = globalThis.fetch, headers?: HeadersInit): ApiClient {
  return createClient<paths>({ baseUrl, fetch: fetchImpl, ...(headers && { headers }) });
}
