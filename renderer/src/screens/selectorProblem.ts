import { selectorFragility } from '../../../shared/lint/selectorFragility';

/**
 * Why a hand-typed selector would not work on the site, in words; null when it is fine.
 * "host >>> inner" steps into a shadow root or iframe, as the player does.
 */
export function selectorProblem(selector: string): string | null {
  const trimmed = selector.trim();
  if (!trimmed) return 'Enter the CSS selector of this element on your site, e.g. #save or [data-testid="save"].';
  const parts = trimmed.split(/\s*>>>\s*/);
  if (parts.some((part) => !part)) return '">>>" needs a selector on each side.';
  const probe = document.createDocumentFragment();
  for (const part of parts) {
    try {
      probe.querySelector(part);
    } catch {
      return `"${part}" is not a valid CSS selector.`;
    }
  }
  return null;
}

/**
 * Why a valid selector may break or point elsewhere after the next release (lint's reasons, said
 * at the field while typing); null when nothing is fragile about it. A warning, not a refusal.
 */
export function selectorAdvice(selector: string): string | null {
  const [reason] = selectorFragility(selector.trim()).hard;
  return reason ? `May break after the next release: ${reason}. Prefer a test id, an id or a label.` : null;
}
