import type { ReadLine, ReadValue } from "@/lib/i18n/audit-format";

type Words = { label: (label: string) => string; changedTo: string };

function Value({ value, words }: { value: ReadValue; words: Words }) {
  return "text" in value ? <>{value.text}</> : <AuditLines lines={value.lines} words={words} nested />;
}

/** A record's fields as "label: value" lines, a change as "before → after"; nested objects indented. */
export function AuditLines({ lines, words, nested = false }: { lines: ReadLine[]; words: Words; nested?: boolean }) {
  return (
    <ul className={nested ? "mt-1 space-y-0.5 border-l-2 border-stone-200 pl-3" : "space-y-1"}>
      {lines.map((line, i) => (
        <li key={`${line.label}-${i}`} className="break-words">
          {line.label ? <span className="text-stone-600">{words.label(line.label)}</span> : null}
          {line.kind === "change" ? (
            <>
              <del className="text-red-800 decoration-red-300"><Value value={line.before} words={words} /></del>
              <span aria-hidden="true"> → </span>
              <span className="sr-only"> {words.changedTo} </span>
              <ins className="font-medium text-green-800 no-underline"><Value value={line.after} words={words} /></ins>
            </>
          ) : (
            <Value value={line.value} words={words} />
          )}
        </li>
      ))}
    </ul>
  );
}
