import { readableTextOn } from '../../shared/bundle/contrast';
import type { Bundle } from './bundleTypes';

const SHADOWS = { none: 'none', soft: '0 8px 30px #0f172a2e', strong: '0 16px 48px #0f172a59' };

/** The bundle's theme as the CSS custom properties every kind's stylesheet reads (--sw-brand, ...). */
export function applyTheme(host: HTMLElement, theme: Bundle['theme']): void {
  const vars: Record<string, string> = {
    brand: theme.brandColor,
    'on-brand': readableTextOn(theme.brandColor),
    text: theme.textColor,
    bg: theme.backgroundColor,
    font: theme.fontFamily,
    radius: `${theme.radius}px`,
    shadow: SHADOWS[theme.shadow],
  };
  for (const name in vars) host.style.setProperty(`--sw-${name}`, vars[name]!);
}
