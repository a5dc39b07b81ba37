import type { BundleTourStep, LocalizedText } from '../bundleTypes';

/**
 * The buttons a step shows at its place in the tour, whatever order the steps were put in: no
 * Back on the first step, and on the last the default "Next" says "Done". The player and the
 * editor's canvas both use it, so the canvas shows what users will see.
 */
export function buttonsAt(step: Pick<BundleTourStep, 'buttons'>, index: number, count: number, t: (text: LocalizedText) => string, defaultLocale: string): BundleTourStep['buttons'] {
  return step.buttons
    .filter((button) => index > 0 || button.action !== 'back')
    .map((button) => (index === count - 1 && button.action === 'next' && t(button.label) === 'Next' ? { ...button, label: { [defaultLocale]: 'Done' } } : button));
}
