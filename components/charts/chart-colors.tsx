// Chart colours, matched to the app's category badges and checked for contrast: every filled
// shape has at least 3:1 against the white card (WCAG 1.4.11), and text on charts is stone-900.
export const CATEGORY_FILL = {
  RED: "#b91c1c", // red-700, 6.5:1
  YELLOW: "#d97706", // amber-600, 3.2:1
  BLACK: "#292524", // stone-800, 15:1
} as const;

export const FILL = {
  primary: "#991b1b", // red-800, the app's colour
  neutral: "#57534e", // stone-600
  warning: "#b45309", // amber-700
  flagged: "#b91c1c", // red-700
} as const;

export const INK = "#1c1917"; // stone-900
export const GRID = "#d6d3d1"; // stone-300
export const TICK = { fill: "#44403c", fontSize: 12 }; // stone-700

/** Legend entries keep their coloured swatch, but their text is ink: amber text on white is below 4.5:1. */
export const legendText = (value: string) => <span style={{ color: INK }}>{value}</span>;
