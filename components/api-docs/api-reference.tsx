"use client";

import type { ComponentProps } from "react";
import dynamic from "next/dynamic";
import type { ApiReferenceReact } from "@scalar/api-reference-react";

// Scalar renders in the browser only (a Vue app behind a React wrapper), so it is loaded on the
// client, after the page's own frame has rendered.
const ScalarReference = dynamic(() => import("@scalar/api-reference-react").then((m) => m.ApiReferenceReact), {
  ssr: false,
  loading: () => <div aria-busy="true" className="h-64 animate-pulse rounded-lg bg-stone-100" />,
});

// Nothing leaves the site: no web fonts, no telemetry, no hosted request proxy; the document is ours.
const configuration = {
  url: "/api/v1/openapi.json",
  layout: "classic",
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
