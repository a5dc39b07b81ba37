/**
 * How a flow's URL rules match a page URL. Pure functions with no dependencies, so the player
 * ships them and the editor, lint and schema share exactly the same meaning.
 */
export interface UrlRuleLike {
  match: 'exact' | 'contains' | 'glob' | 'regex';
  value: string;
  exclude?: boolean;
}

// A glob runs as a small automaton stepped over the URL once, every live state at a time, so the
// time is linear in the URL for a given glob: compiled to a RegExp, "*a*a*a…b" backtracks without
// end on a long URL and would freeze the customer's page. An op is a character to read (a literal
// one, ANY or SEGMENT: any but "/"), or [a, b]: go on at a and at b. The end of the program is a match.
const ANY = 1;
const SEGMENT = 2;
type Op = string | typeof ANY | typeof SEGMENT | readonly [number, number];

function compile(part: string[], program: Op[]): void {
  for (let at = 0; at < part.length; ) {
    const here = program.length;
    const stars = part[at] === '*' ? (part[at + 1] === '*' ? 2 : 1) : 0;
    if (stars === 2 && part[at + 2] === '/') {
      // "**/": nothing, or any run ending in "/" (so "/**/settings" also matches "/settings").
      program.push([here + 1, here + 5], [here + 2, here + 4], ANY, [here + 1, here + 1], '/');
      at += 3;
    } else if (stars) {
      program.push([here + 1, here + 3], stars === 2 ? ANY : SEGMENT, [here, here]);
      at += stars;
    } else program.push(part[at++]!);
  }
}

/**
 * Whether a glob matches the whole of a text, with path-glob wildcards: "*" is any run of
 * characters except "/", "**" any run including "/" (and before a "/" also no segment at all).
 * Everything else is literal, "?" too, so query strings can be written as they are (URLPattern
 * needs "\\?" for that). The part before "?" or "#" may end with or without "/".
 */
export function globMatches(glob: string, text: string): boolean {
  const cut = glob.search(/[?#]|$/);
  const program: Op[] = [];
  compile([...glob.slice(0, cut).replace(/\/$/, '')], program);
  program.push([program.length + 1, program.length + 2], '/');
  compile([...glob.slice(cut)], program);
  let live = new Set<number>();
  const enter = (states: Set<number>, at: number): void => {
    const op = program[at];
    if (states.has(at)) return;
    states.add(at);
    if (Array.isArray(op)) op.forEach((next) => enter(states, next));
  };
  enter(live, 0);
  for (const char of text) {
    const next = new Set<number>();
    for (const at of live) {
      const op = program[at];
      if (op === char || op === ANY || (op === SEGMENT && char !== '/')) enter(next, at + 1);
    }
    live = next;
  }
  return live.has(program.length);
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
        return globMatches(rule.value, globTarget(rule.value, url));
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
