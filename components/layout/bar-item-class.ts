// One look for every button of the phone's bottom bar: icon over a short label, as tall as the
// bar's row (app/globals.css), the page open marked in red with a line above it.
export const barItemClass = (isCurrent: boolean) =>
  `flex min-h-phone-bar-row w-full flex-col items-center justify-center gap-0.5 border-t-2 px-1 text-xs leading-tight ${isCurrent
    ? "border-red-800 font-semibold text-red-800"
    : "border-transparent text-stone-600"}`;
