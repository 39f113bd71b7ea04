"use client";

import type { ComponentProps } from "react";
import dynamic from "next/dynamic";
import type { ApiReferenceReact } from "@scalar/api-reference-react";
// Scalar's stylesheet: without it the reference renders as unstyled text.
import "@scalar/api-reference-react/style.css";

// Scalar renders in the browser only (a Vue app behind a React wrapper), so it is loaded on the
// client, after the page's own frame has rendered.
const ScalarReference = dynamic(() => import("@scalar/api-reference-react").then((m) => m.ApiReferenceReact), {
  ssr: false,
  loading: () => <div aria-busy="true" className="h-64 animate-pulse rounded-lg bg-stone-100" />,
});

// Scalar's own colours for the HTTP methods, code and muted text fall below 4.5:1 on its light
// backgrounds (WCAG 1.4.3, tests/e2e/accessibility.spec.ts): darker shades of the same hues.
const accessibleColours = `.light-mode {
  --scalar-color-2: #57534e; --scalar-color-3: #57534e; --scalar-color-accent: #991b1b;
  --scalar-color-green: #166534; --scalar-color-red: #b91c1c; --scalar-color-yellow: #92400e;
  --scalar-color-blue: #1d4ed8; --scalar-color-orange: #9a3412; --scalar-color-purple: #7e22ce; --scalar-color-query: #115e59;
}`;

// Nothing leaves the site: no web fonts, no telemetry, no hosted request proxy, no AI agent; the
// document is ours. The modern layout: the classic one nests the links of a tag inside the button
// that folds it (WCAG 4.1.2, axe's nested-interactive).
const configuration = {
  url: "/api/v1/openapi.json",
  layout: "modern",
  agent: { disabled: true },
  customCss: accessibleColours,
  withDefaultFonts: false,
  telemetry: false,
  hideClientButton: true,
  hideDarkModeToggle: true,
  forceDarkModeState: "light",
  showDeveloperTools: "never",
  defaultOpenAllTags: true,
  documentDownloadType: "json",
} satisfies ComponentProps<typeof ApiReferenceReact>["configuration"];

export function ApiReference() {
  return (
    <div className="overflow-hidden rounded-lg border border-stone-200 bg-white" data-testid="api-reference">
      <ScalarReference configuration={configuration} />
    </div>
  );
}
