import { urlRuleMatches } from '../../shared/bundle/urlRules';
import { parse } from './checkBundle';
import { h, safeUrl } from './dom';
import { fallbackDirection } from './fallbackDirection';
import { focusCard, stepCard } from './kinds/stepCard';
import { markdown } from './markdown';
import { follow, place } from './position';

/**
 * The building blocks the lazily loaded kinds (hotspot, checklist, survey) use, handed to them
 * through the context instead of imported, so they load as small chunks of their own and the
 * core a tour needs stays one file.
 */
export const toolkit = { h, safeUrl, markdown, stepCard, focusCard, place, follow, urlRuleMatches, fallbackDirection, parse };
export type Toolkit = typeof toolkit;
