"use client";

import * as Collapsible from "@radix-ui/react-collapsible";
import type { ReactNode } from "react";
import { buttonClass, type ButtonStyle } from "./button";

type Props = {
  label: string;
  children: ReactNode;
  /** Classes of the whole (its place in a row); the trigger fills it. */
  className?: string;
  /** The trigger's look; a plain trigger shows it is open by its shade. */
  trigger?: ButtonStyle;
  /** Whether what opens sits in a box of its own. */
  boxed?: boolean;
  testId?: string;
};

/**
 * A form folded under a large button: one tap (or Enter, or Space) opens it, nothing is sent until
 * it is submitted. What it holds stays in the page while folded, so what was typed survives
 * closing and opening again.
 */
export function Disclosure({ label, children, className, trigger = { width: "always" }, boxed = true, testId }: Props) {
  const tone = trigger.tone ?? "plain";
  return (
    <Collapsible.Root className={className}>
      <Collapsible.Trigger className={`${buttonClass({ ...trigger, tone })} ${tone === "plain" ? "data-[state=open]:bg-stone-100" : ""}`} data-testid={testId}>
        {label}
      </Collapsible.Trigger>
      {/* Mounted even when folded (Radix then leaves the hiding to the styles), so typed values stay. */}
      <Collapsible.Content forceMount className={`mt-2 data-[state=closed]:hidden ${boxed ? "rounded-md border border-stone-200 bg-stone-50 p-3" : ""}`}>
        {children}
      </Collapsible.Content>
    </Collapsible.Root>
  );
}
