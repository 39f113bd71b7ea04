// The browser and system of a User-Agent header, as a person names them ("Chrome · Android"),
// for the audit log. Only the families people use here are told apart; the order matters, since
// nearly every browser also calls itself Safari and most call themselves Chrome.

export const BROWSERS = [
  ["WeChat", /MicroMessenger\//], ["DingTalk", /DingTalk\//], ["QQBrowser", /M?QQBrowser\//], ["UC", /UCBrowser\/|UCWEB/],
  ["Quark", /Quark\//], ["Baidu", /baiduboxapp\/|BaiduBrowser|BIDUBrowser/], ["Huawei", /HuaweiBrowser\//],
  ["Xiaomi", /MiuiBrowser\/|XiaoMi\/MiuiBrowser/], ["Vivo", /VivoBrowser\//], ["Oppo", /HeyTapBrowser\/|OppoBrowser\//],
  ["Samsung", /SamsungBrowser\//], ["360", /QihooBrowser|360SE|360EE/], ["Sogou", /SogouMobileBrowser|MetaSr/],
  ["Edge", /Edg(?:e|A|iOS)?\//], ["Opera", /OPR\/|Opera/], ["Firefox", /Firefox\/|FxiOS\//],
  ["Chrome", /Chrome\/|CriOS\//], ["Safari", /Version\/[\d.]+.*Safari\//],
] as const satisfies readonly (readonly [string, RegExp])[];
export type Browser = (typeof BROWSERS)[number][0];

export const SYSTEMS = [
  ["HarmonyOS", /HarmonyOS|OpenHarmony/], ["Android", /Android/], ["iOS", /iPhone|iPad|iPod/],
  ["Windows", /Windows/], ["macOS", /Macintosh|Mac OS X/], ["ChromeOS", /CrOS/], ["Linux", /Linux|X11/],
] as const satisfies readonly (readonly [string, RegExp])[];
export type System = (typeof SYSTEMS)[number][0];

/** A browser and its system, or — for a program that is no browser (curl, a script) — its name. */
export type Software = { browser: Browser | null; system: System | null; program: string | null };

const MAX_PROGRAM = 24;

export function describeUserAgent(userAgent: string | null | undefined): Software | null {
  const ua = userAgent?.trim();
  if (!ua) return null;
  const browser = BROWSERS.find(([, pattern]) => pattern.test(ua))?.[0] ?? null;
  const system = SYSTEMS.find(([, pattern]) => pattern.test(ua))?.[0] ?? null;
  if (browser || system) return { browser, system, program: null };
  // "curl/8.5.0", "python-requests/2.31", "node": the first product's name, without its version.
  const name = ua.split(/[\s/;(]/, 1)[0] || ua;
  return { browser: null, system: null, program: name.length > MAX_PROGRAM ? `${name.slice(0, MAX_PROGRAM - 1)}…` : name };
}
