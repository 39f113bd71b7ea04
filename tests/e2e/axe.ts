import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { devices, type Page } from "@playwright/test";
import type { AxeResults, ElementContext, RunOptions } from "axe-core";
import { expect } from "./fixtures";

type Violation = AxeResults["violations"][number];
type WithAxe = { axe: { run: (context: ElementContext, options: RunOptions) => Promise<AxeResults> } };

/** The rules of WCAG 2.0 and 2.1, levels A and AA: the level the product is held to. */
export const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Loads axe-core into every page the test opens from now on, before the page's own scripts. A walk
 * through many pages saves loading it (half a megabyte) into each page at each check, which took
 * longer than the check itself.
 */
export async function loadAxeIntoEveryPage(page: Page): Promise<void> {
  await page.context().addInitScript(axeSource);
}

/** One line per element in violation: what to fix, how bad, where, and axe's own explanation. */
export function describeViolations(violations: Violation[], where: string): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((node) => {
      const why = node.failureSummary?.split("\n").slice(1).map((line) => line.trim()).filter(Boolean).join("; ");
      return `${v.id} (${node.impact ?? v.impact ?? "unknown"}) on ${where} at ${node.target.join(" ")}: ${v.help}${why ? ` — ${why}` : ""} [${v.helpUrl}]`;
    }));
}

/**
 * Runs axe-core on the page as it is now (on parts of it when `include` names them) and fails the
 * test on any violation of WCAG 2.1 A/AA, listing each one. The failure is soft: a walk through many
 * pages goes on and reports the violations of every page in one run.
 */
export async function expectAccessible(page: Page, include: string[] = [], screen?: string): Promise<void> {
  // The page runs axe itself (the product has no frames); evaluated through the browser's
  // debugging protocol, which the page's Content-Security-Policy does not govern.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const { violations, url } = await page.evaluate(([include, tags]) =>
    (window as unknown as WithAxe).axe.run(include.length ? { include } : document, {
      runOnly: { type: "tag", values: tags },
      // The elements that pass are not listed: building their list took most of the time.
      resultTypes: ["violations"],
    }), [include, WCAG_21_AA] as const);
  const where = screen ? `${url} (${screen})` : url;
  expect.soft(describeViolations(violations, where), `WCAG 2.1 A/AA violations on ${where}`).toEqual([]);
}

/** The screens of the two Playwright projects (playwright.config.ts). */
const SCREENS = { phone: devices["Pixel 7"].viewport, desktop: devices["Desktop Chrome"].viewport };

/**
 * Checks the page drawn on a phone and on a desktop. The layout follows the width of the window
 * alone (Tailwind's min-width breakpoints; nothing reads the pointer or the user agent), so one
 * page load is resized rather than loaded twice; the page is left at the phone's size.
 */
export async function expectAccessibleOnEveryScreen(page: Page): Promise<void> {
  await page.setViewportSize(SCREENS.desktop);
  await expectAccessible(page, [], "desktop");
  await page.setViewportSize(SCREENS.phone);
  await expectAccessible(page, [], "phone");
}
