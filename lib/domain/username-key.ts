// The form of a sign-in name that sign-in looks up (Account.usernameKey, unique). People type
// archive numbers on phones, often with a Chinese input method that produces full-width letters
// ("ＪＳ－ＸＨ－０００１") or a trailing space; NFKC folds those to their plain forms, and lower
// case makes "JS-XH-00001" and "js-xh-00001" one name. The migration that added the column
// computes the same in SQL (NFKC, trim, lower) for the rows that existed then.
export function usernameKey(name: string): string {
  return name.normalize("NFKC").trim().toLowerCase();
}
