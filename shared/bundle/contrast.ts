function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The text colour the player puts on a brand-coloured button: near-black on light colours, white on dark. */
export function readableTextOn(hex: string): string {
  return luminance(hex) > 0.18 ? '#111827' : '#ffffff';
}

/** WCAG 2 contrast of two "#rrggbb" colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG AA for normal text. */
export const AA_TEXT_CONTRAST = 4.5;

export interface ContrastProblem {
  what: string;
  ratio: number;
}

/** The theme's text pairs that fall below WCAG AA: body text on the card, button text on the brand colour. */
export function themeContrastProblems(theme: { textColor: string; backgroundColor: string; brandColor: string }): ContrastProblem[] {
  const pairs: Array<[string, string, string]> = [
    ['Text on the background', theme.textColor, theme.backgroundColor],
    ['Button text on the brand colour', readableTextOn(theme.brandColor), theme.brandColor],
  ];
  return pairs.map(([what, fg, bg]) => ({ what, ratio: contrastRatio(fg, bg) })).filter((pair) => pair.ratio < AA_TEXT_CONTRAST);
}
