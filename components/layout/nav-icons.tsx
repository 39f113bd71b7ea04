import type { NavKey } from "@/lib/navigation";

// Outline icons drawn for this menu (24 × 24, stroked in the text colour): a few paths each, so
// no icon package. Decorative only: the label next to each icon names the link.
const circle = (cx: number, cy: number, r: number) => `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;

const paths: Record<NavKey | "more" | "close", string[]> = {
  home: ["M3 11l9-7 9 7", "M5 9.5V20h14V9.5", "M10 20v-5h4v5"],
  township: ["M3 21h18", "M4 9h16", "M12 3l8 6H4z", "M6.5 9v9M10.5 9v9M13.5 9v9M17.5 9v9", "M4 18h16"],
  dashboard: ["M4 20h16", "M7 16v-5", "M12 16V6", "M17 16v-8"],
  rankings: ["M3 20h18", "M9 20V8h6v12", "M3 20v-7h6", "M15 20v-4h6v4", "M12 3v2"],
  settings: ["M4 7h9M17 7h3", "M4 17h3M11 17h9", circle(15, 7, 2), circle(9, 17, 2)],
  recordEntry: ["M4 20h4L19 9l-4-4L4 16z", "M13.5 6.5l4 4"],
  entries: ["M6 3h9l3 3v15H6z", "M9 10h6M9 14h6M9 18h3"],
  reviews: ["M4 4h16v16H4z", "M8 12l3 3 5-6"],
  households: [circle(9, 8, 3), "M3 20c0-3.5 2.7-6 6-6s6 2.5 6 6", circle(17, 9, 2.5), "M16.5 14c2.6.2 4.5 2.3 4.5 5"],
  rectifications: ["M20 12a8 8 0 1 1-2.6-5.9", "M20 4v5h-5"],
  appeals: ["M4 5h16v11H10l-6 4z", "M12 8v4", "M12 14.2v.1"],
  ruleSets: ["M12 6c-2-1.5-5-2-8-2v14c3 0 6 .5 8 2 2-1.5 5-2 8-2V4c-3 0-6 .5-8 2z", "M12 6v14"],
  extracts: ["M6 3h12v18H6z", "M9 7h6M9 10.5h6", circle(12, 15.5, 2.5)],
  selection: ["M12 3l2.8 5.7 6.2.9-4.5 4.4 1.1 6.2-5.6-2.9-5.6 2.9 1.1-6.2L3 9.6l6.2-.9z"],
  accounts: ["M3 5h18v14H3z", circle(8.5, 10.5, 2), "M5.5 16c.5-1.5 1.6-2.2 3-2.2s2.5.7 3 2.2", "M14 10h4M14 14h4"],
  accessCodes: [circle(8, 15, 4), "M11 12l8-8", "M16 7l2 2", "M14 9l1.5 1.5"],
  villages: ["M12 21s-7-6.2-7-11a7 7 0 0 1 14 0c0 4.8-7 11-7 11z", circle(12, 10, 2.5)],
  audit: ["M9 6h11M9 12h11M9 18h11", "M4.5 6h.1M4.5 12h.1M4.5 18h.1"],
  chains: ["M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1", "M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"],
  tokens: ["M8 8l-4 4 4 4", "M16 8l4 4-4 4", "M13.5 5l-3 14"],
  account: [circle(12, 8, 4), "M4 21c0-4 3.6-7 8-7s8 3 8 7"],
  signIn: ["M14 4h5v16h-5", "M10 16l4-4-4-4", "M14 12H3"],
  more: ["M5 12h.1M12 12h.1M19 12h.1"],
  close: ["M6 6l12 12", "M18 6L6 18"],
};

export function NavIcon({ name }: { name: NavKey | "more" | "close" }) {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" strokeWidth={name === "more" ? 3 : 1.8}
      strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" className="shrink-0">
      {paths[name].map((d) => <path key={d} d={d} />)}
    </svg>
  );
}
