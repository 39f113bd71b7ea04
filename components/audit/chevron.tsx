/** The cue that a summary opens: points right when closed, down when open (needs `group` on the <details>). */
export function Chevron() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-5 shrink-0 text-stone-500 transition-transform group-open:rotate-90">
      <path d="M7 4l6 6-6 6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
