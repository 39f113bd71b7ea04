import { apiNotFound } from "@/lib/server/api/api-not-found";

// Any /api/v1 path that no operation has (a mistyped path, an id with a slash in it): the JSON
// 404 every route answers with, not Next's HTML page. Routes with a path of their own take
// precedence over this one.
const notFound = (request: Request) => apiNotFound(request);

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
