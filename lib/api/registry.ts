import type { Operation } from "./operation";
import * as me from "./operations/me";

// Every operation of /api/v1. The OpenAPI document and the authorization test table are built
// from this list; an operation missing here has no documentation and no test row.
export const operations: Operation[] = [...Object.values(me)];
