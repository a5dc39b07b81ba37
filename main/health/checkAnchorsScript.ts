import type { CheckAnchorsOptions } from './inPage/checkAnchors';

/** The bundled in-page check script; replaced at build time (see scripts/buildTimeTexts.mjs). */
declare const __STEPWISE_CHECK_ANCHORS_SCRIPT__: string;

/** An expression that resolves the anchors in the page it is evaluated in and returns a CheckAnchorsResult. */
export function checkAnchorsExpression(options: CheckAnchorsOptions): string {
  // Inside a function, the IIFE's global name stays local and the page never sees it.
  return `(() => { ${__STEPWISE_CHECK_ANCHORS_SCRIPT__}; return __stepwiseCheckAnchors.checkAnchors(${JSON.stringify(options)}); })()`;
}
