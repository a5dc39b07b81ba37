/**
 * How a flow's URL rules match a page URL. Pure functions with no dependencies, so the player
 * ships them and the editor, lint and schema share exactly the same meaning.
 */
export interface UrlRuleLike {
  match: 'exact' | 'contains' | 'glob' | 'regex';
  value: string;
  exclude?: boolean;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// "**/" may also stand for no segment at all, so "/**/settings" matches "/settings".
const wildcards = (text: string): string =>
  text.split('**/').map((part) => part.split('**').map((piece) => piece.split('*').map(escape).join('[^/]*')).join('.*')).join('(?:.*/)?');

/**
 * Turns a glob into an anchored regular expression, with path-glob wildcards: "*" is any run of
 * characters except "/", "**" any run including "/" (and before a "/" also no segment at all).
 * Everything else is literal, "?" too, so query strings can be written as they are (URLPattern
 * needs "\\?" for that). The part before "?" or "#" may end with or without "/".
 */
export function globToRegExp(glob: string): RegExp {
  const cut = glob.search(/[?#]|$/);
  return new RegExp(`^${wildcards(glob.slice(0, cut).replace(/\/$/, ''))}/?${wildcards(glob.slice(cut))}$`);
}

/** The part of a URL a glob sees: the query only if the glob has a "?", the hash only if it has a "#". */
function globTarget(glob: string, url: string): string {
  const [, base, query = '', hash = ''] = /^([^?#]*)(\?[^#]*)?(#.*)?$/.exec(url) ?? [];
  return base + (glob.includes('?') ? query : '') + (glob.includes('#') ? hash : '');
}

/**
 * Whether one rule matches a URL; a broken regular expression matches nothing rather than throwing.
 * A value that starts with "/" is matched against the path (with query and fragment), so authors
 * can write "/settings/*" without the origin; anything else against the whole URL. A glob sees
 * the query only if it has a "?" and the hash only if it has a "#".
 */
export function urlRuleMatches(rule: UrlRuleLike, fullUrl: string): boolean {
  const url = rule.value.startsWith('/') ? fullUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '') || '/' : fullUrl;
  try {
    switch (rule.match) {
      case 'exact':
        return url === rule.value || url.replace(/\/$/, '') === rule.value.replace(/\/$/, '');
      case 'contains':
        return url.includes(rule.value);
      case 'glob':
        return globToRegExp(rule.value).test(globTarget(rule.value, url));
      case 'regex':
        return new RegExp(rule.value).test(url);
    }
  } catch {
    return false;
  }
  return false;
}

/** No rules: every page. Otherwise some including rule (or none exist) must match and no excluding rule may. */
export function urlMatchesRules(rules: readonly UrlRuleLike[], url: string): boolean {
  const including = rules.filter((rule) => !rule.exclude);
  if (rules.some((rule) => rule.exclude && urlRuleMatches(rule, url))) return false;
  return including.length === 0 || including.some((rule) => urlRuleMatches(rule, url));
}
