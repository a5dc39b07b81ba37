import type { ElementMapOptions } from './inPage/mapElements';

/** The bundled in-page script; replaced at build time (see scripts/buildTimeTexts.mjs). */
declare const __STEPWISE_ELEMENT_MAP_SCRIPT__: string;

/** An expression that maps the page it is evaluated in and returns a PageElementMap. */
export function elementMapExpression(options: ElementMapOptions): string {
  // Inside a function, the IIFE's global name stays local and the page never sees it.
  return `(() => { ${__STEPWISE_ELEMENT_MAP_SCRIPT__}; return __stepwiseElementMap.mapElements(${JSON.stringify(options)}); })()`;
}
