// The one look of a button (and of a link that acts as one): at least 44 px tall for a finger,
// full width on a phone where asked, dimmed while its form is sending.

const tones = {
  primary: "bg-red-800 font-semibold text-white",
  /** Mostly for what cannot be taken back (withdraw, deactivate, uphold). */
  dark: "bg-stone-800 font-semibold text-white",
  /** For approving and awarding. */
  confirm: "bg-green-800 font-semibold text-white",
  plain: "border border-stone-400 bg-white font-medium text-stone-800",
} as const;

const sizes = {
  md: "min-h-11 px-5",
  lg: "min-h-12 px-5 text-lg",
  /** For the one step a page is for, such as casting a ballot. */
  xl: "min-h-14 px-6 text-xl",
} as const;

const widths = { auto: "", phone: "w-full sm:w-auto", always: "w-full" } as const;

export type ButtonStyle = { tone?: keyof typeof tones; size?: keyof typeof sizes; width?: keyof typeof widths };

export function buttonClass({ tone = "primary", size = "md", width = "auto" }: ButtonStyle = {}): string {
  return `inline-flex items-center justify-center rounded-md text-center disabled:opacity-60 ${sizes[size]} ${tones[tone]} ${widths[width]}`.trimEnd();
}

type SubmitButtonProps = ButtonStyle & { pending: boolean; label: string; pendingLabel: string; testId?: string };

/** Says it is sending, and cannot be tapped twice, while the form's action runs. */
export function SubmitButton({ pending, label, pendingLabel, testId, width = "phone", ...style }: SubmitButtonProps) {
  return (
    <button type="submit" disabled={pending} className={buttonClass({ ...style, width })} data-testid={testId}>
      {pending ? pendingLabel : label}
    </button>
  );
}
