// The demo sign-ins the seed creates, for the start script (and the README) to print.
// Every seeded account, not only these, has the same demo password.

export const DEMO_PASSWORD = "demo1234";

export type DemoSignIn = {
  role: "ADMIN" | "TOWNSHIP_OFFICIAL" | "CLERK" | "REPRESENTATIVE" | "HOUSEHOLD";
  username: string;
  password: string;
  description: string;
};

export const demoAccounts: readonly DemoSignIn[] = [
  { role: "ADMIN", username: "admin", password: DEMO_PASSWORD, description: "系统管理员 (administrator)" },
  { role: "TOWNSHIP_OFFICIAL", username: "official", password: DEMO_PASSWORD, description: "夹山镇干部 (Jiashan town official)" },
  { role: "CLERK", username: "clerk-xinhua", password: DEMO_PASSWORD, description: "新花村理事会成员 (Xinhua village clerk)" },
  { role: "REPRESENTATIVE", username: "rep-xinhua-1", password: DEMO_PASSWORD, description: "新花村村民代表 (Xinhua village representative)" },
  { role: "HOUSEHOLD", username: "JS-XH-00001", password: DEMO_PASSWORD, description: "新花村一户家庭 (a Xinhua household)" },
  { role: "CLERK", username: "clerk-yangping", password: DEMO_PASSWORD, description: "杨坪社区理事会成员 (Yangping community clerk)" },
];

/** The other sign-in names follow these patterns (slug = the village's pinyin, e.g. hanfeng). */
export const DEMO_USERNAME_PATTERNS = {
  clerk: "clerk-<village>, clerk-<village>-2",
  representative: "rep-<village>-<n>",
  household: "JS-<village code>-00001 (and households with appeals)",
} as const;
