"use client";

import * as Popover from "@radix-ui/react-popover";
import { useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState, type CSSProperties } from "react";
import { DayPicker, type Matcher } from "react-day-picker";
import { enUS, zhCN } from "react-day-picker/locale";
import "react-day-picker/style.css";
import { buttonClass } from "./button";
import { fieldBoxClass } from "./field";

type Props = {
  /** The button's id: a `<label htmlFor>` names it, as it would an input. */
  id: string;
  /** Submitted as a hidden input of this name holding yyyy-mm-dd (empty when no day is chosen). */
  name: string;
  defaultValue?: string;
  /** Controlled use: the day, and `onChange` to hear of a new one. */
  value?: string;
  onChange?: (day: string) => void;
  min?: string;
  max?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
} & (
  | { clearable?: false }
  /** An optional field (a filter) can be emptied again; its clear button is named after the field's label. */
  | { clearable: true; label: string }
);

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

// Days are calendar days, not instants: the picker works in the browser's local dates and the
// label is formatted at noon UTC in UTC, so no time zone can move a day.
function toLocalDate(day: string | undefined): Date | undefined {
  const match = day ? DAY.exec(day) : null;
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : undefined;
}

function toDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

function formatDay(day: string, locale: string): string {
  const [year, month, date] = day.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(Date.UTC(year!, month! - 1, date!, 12));
}

const accent = { "--rdp-accent-color": "#991b1b", "--rdp-accent-background-color": "#fef2f2" } as CSSProperties;

/**
 * A date as the page's language writes it (2026年11月20日, not the browser's mm/dd/yyyy), chosen
 * on a calendar: a button that opens the calendar in a popover, arrow keys to move, Enter to
 * choose, Escape to close. The form receives yyyy-mm-dd under `name`, as from a date input.
 */
export function DateField(props: Props) {
  const { id, name, min, max, onChange } = props;
  const t = useTranslations("dateField");
  const locale = useLocale();
  const [own, setOwn] = useState(props.defaultValue ?? "");
  const [open, setOpen] = useState(false);
  const valueId = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const day = props.value ?? own;
  const selected = toLocalDate(day);
  const first = toLocalDate(min);
  const last = toLocalDate(max);

  const choose = (next: string) => {
    setOwn(next);
    onChange?.(next);
  };
  const disabled: Matcher[] = [...(first ? [{ before: first }] : []), ...(last ? [{ after: last }] : [])];
  const today = new Date();
  const describedBy = [valueId, props["aria-describedby"]].filter(Boolean).join(" ");

  return (
    <div className="flex gap-2">
      <input type="hidden" name={name} value={day} />
      <Popover.Root open={open} onOpenChange={setOpen}>
        <Popover.Trigger
          ref={trigger} id={id} type="button" aria-invalid={props["aria-invalid"]} aria-describedby={describedBy}
          className={`flex items-center justify-between gap-2 text-left ${fieldBoxClass}`}
        >
          <span id={valueId} className={day ? "" : "text-stone-600"}>{day ? formatDay(day, locale) : t("choose")}</span>
          <CalendarIcon />
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            align="start" sideOffset={4} collisionPadding={8} aria-label={t("calendar")}
            className="z-50 rounded-lg border border-stone-200 bg-white p-2 shadow-lg"
          >
            <DayPicker
              mode="single" required={false} autoFocus locale={locale === "en" ? enUS : zhCN}
              captionLayout="dropdown" style={accent}
              selected={selected} defaultMonth={selected ?? clampMonth(today, first, last)}
              startMonth={first ?? new Date(today.getFullYear() - 100, 0)} endMonth={last ?? new Date(today.getFullYear() + 5, 11)}
              disabled={disabled}
              onSelect={(date) => {
                if (!date) return;
                choose(toDay(date));
                setOpen(false);
              }}
            />
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      {props.clearable && day ? (
        <button type="button" onClick={() => { choose(""); trigger.current?.focus(); }} aria-label={t("clear", { field: props.label })} className={`shrink-0 ${buttonClass({ tone: "plain" })}`}>
          {t("clearShort")}
        </button>
      ) : null}
    </div>
  );
}

function clampMonth(today: Date, first?: Date, last?: Date): Date {
  if (first && today < first) return first;
  if (last && today > last) return last;
  return today;
}

function CalendarIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 shrink-0 text-stone-600" fill="none" stroke="currentColor" strokeWidth="2">
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </svg>
  );
}
