import type { Operation } from "./operation";
import * as me from "./operations/me";
import * as accounts from "./operations/accounts";
import * as villages from "./operations/villages";
import * as tokens from "./operations/tokens";
import * as auditLog from "./operations/audit-log";
import * as chains from "./operations/chains";
import * as entries from "./operations/entries";
import * as households from "./operations/households";
import * as archive from "./operations/archive";
import * as rectifications from "./operations/rectifications";
import * as appeals from "./operations/appeals";
import * as reviews from "./operations/reviews";
import * as ruleSets from "./operations/rule-sets";
import * as exports from "./operations/exports";
import * as extracts from "./operations/extracts";
import * as townshipSettings from "./operations/township-settings";
import * as rankings from "./operations/rankings";
import * as selection from "./operations/selection";
import * as dashboard from "./operations/dashboard";

// Every operation of /api/v1. The OpenAPI document and the authorization test table are built
// from this list; an operation missing here has no documentation and no test row.
export const operations: Operation[] = [...Object.values(me), ...Object.values(tokens), ...Object.values(auditLog),
  ...Object.values(accounts), ...Object.values(villages), ...Object.values(chains), ...Object.values(entries),
  ...Object.values(households), ...Object.values(archive), ...Object.values(rectifications), ...Object.values(appeals),
  ...Object.values(reviews), ...Object.values(ruleSets), ...Object.values(exports), ...Object.values(extracts), ...Object.values(townshipSettings), ...Object.values(rankings),
  ...Object.values(selection), ...Object.values(dashboard)];
