// Clerks search by pinyin on a phone keyboard, some by initials ("zjg"), some by syllables
// ("zhangjianguo", "li"), most by a mix ("zhangjg"). The household stores only the initials of
// its head's name, so a query is turned into initials: each syllable counts by its first letter.

const SYLLABLE = new RegExp(
  "^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])" +
    "(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|ia|ie|in|iu|ua|uo|ui|un|ue|ve|a|o|e|i|u|v)" +
    // Syllables without an initial; those starting with i, u or ü are written with y or w.
    "|ang|eng|ai|ei|ao|ou|an|en|er|a|o|e)$",
);
const LONGEST = 6; // zhuang, shuang, chuang

type Reading = { fallbacks: number; syllables: number; initials: string };

/**
 * The initials a pinyin query stands for ("zhangjianguo" → "zjg", "li" → "l"), or null when the
 * query is not letters. Of the ways to read it, the one with the fewest letters that start no
 * syllable wins (those count as initials themselves), then the one with the fewest syllables.
 */
export function initialsOfPinyinQuery(query: string): string | null {
  const text = query.trim().toLowerCase().replace(/ü/g, "v").replace(/['\s]/g, "");
  if (!/^[a-z]+$/.test(text)) return null;
  const best: Reading[] = [];
  best[text.length] = { fallbacks: 0, syllables: 0, initials: "" };
  for (let i = text.length - 1; i >= 0; i--) {
    let choice: Reading | null = null;
    for (let end = i + 1; end <= Math.min(text.length, i + LONGEST); end++) {
      const isSyllable = SYLLABLE.test(text.slice(i, end));
      if (!isSyllable && end > i + 1) continue;
      const rest = best[end]!;
      const reading = { fallbacks: rest.fallbacks + (isSyllable ? 0 : 1), syllables: rest.syllables + 1, initials: text[i] + rest.initials };
      if (!choice || reading.fallbacks < choice.fallbacks || (reading.fallbacks === choice.fallbacks && reading.syllables < choice.syllables)) {
        choice = reading;
      }
    }
    best[i] = choice!;
  }
  return best[0]!.initials;
}
