// The resource center: its lazy chunk's size, the tour path's (which it must not grow), and the
// search's cost per keystroke over 1,000 articles in English, Turkish and Hebrew. The search runs
// in Node's V8, the engine of Chromium: the same string folding and scanning a browser does, without the DOM.
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { matchRanges, plainText, searchIndex } from '../player/src/resourceCenter/searchIndex';
import { kb, ms, printTable } from './measure';
import { tourPath } from './playerBench';

const gz = (text: string) => gzipSync(text, { level: 9 }).length;
const ARTICLES = 1_000;
const RESULTS_DRAWN = 20;

/** Words of each language, some with the letters folding must handle (İ ı ş, niqqud). */
const WORDS: Record<string, string[]> = {
  en: 'invoice export report password reset team member billing plan upgrade dashboard chart filter settings notification email calendar project task deadline café résumé'.split(' '),
  tr: 'fatura dışa aktar rapor şifre sıfırlama ekip üye faturalama plan yükseltme pano grafik filtre ayarlar bildirim İstanbul takvim proje görev ılık Işık'.split(' '),
  he: 'חשבונית ייצוא דוח סִיסְמָה איפוס צוות חבר חיוב תוכנית שדרוג לוח גרף מסנן הגדרות התראה דוא״ל יומן פרויקט משימה'.split(' '),
};

/** A deterministic article set: 8-word titles, 160-word markdown bodies (about 1 kB). */
function articles(locale: string): { title: string; body: string }[] {
  const words = WORDS[locale]!;
  let seed = 7;
  const next = () => (seed = (seed * 48_271) % 2_147_483_647);
  const phrase = (count: number) => Array.from({ length: count }, () => words[next() % words.length]).join(' ');
  return Array.from({ length: ARTICLES }, () => ({ title: phrase(8), body: plainText(`${phrase(80)} **${phrase(3)}**.\n\n- ${phrase(40)}\n- ${phrase(37)}`) }));
}

/** Each prefix of `typed`, as keystrokes: fold the query, rank every article, find the marks of the results drawn. */
function keystrokes(locale: string, typed: string) {
  const items = articles(locale);
  const built = performance.now();
  const index = searchIndex(items, locale);
  const buildMs = performance.now() - built;
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (let length = 1; length <= typed.length; length++) {
      const start = performance.now();
      const terms = index.terms(typed.slice(0, length));
      const hits = index.search(terms);
      for (const hit of hits.slice(0, RESULTS_DRAWN)) {
        matchRanges(hit.item.title, terms, index.fold);
        matchRanges(hit.item.body, terms, index.fold);
      }
      if (round) times.push(performance.now() - start); // the first round warms the JIT up
    }
  }
  times.sort((a, b) => a - b);
  return { buildMs, median: times[Math.floor(times.length / 2)]!, p90: times[Math.floor(times.length * 0.9)]!, worst: times.at(-1)! };
}

export async function runResourceCenterBench(): Promise<void> {
  const chunks = readdirSync('player/dist/chunks').filter((file) => file.endsWith('.js'));
  const chunk = chunks.find((file) => file.startsWith('resourceCenter-'))!;
  const code = readFileSync(`player/dist/chunks/${chunk}`, 'utf8');
  // What the chunk imports that the tour path does not have (the corner docks, shared with checklist and survey).
  const imported = [...code.matchAll(/from\s*"\.\/([^"]+)"/g)].map((match) => readFileSync(`player/dist/chunks/${match[1]}`, 'utf8'));
  // The search, a chunk of its own that the panel loads as it opens (most page views never open it).
  const searchChunk = readFileSync(`player/dist/chunks/${chunks.find((file) => file.startsWith('searchIndex-'))!}`, 'utf8');
  const tour = tourPath().reduce((sum, file) => sum + gz(file), 0);
  const searches = [keystrokes('en', 'invoice export'), keystrokes('tr', 'şifre sıfırlama'), keystrokes('he', 'סיסמה איפוס')];
  printTable(`Resource center — ${ARTICLES.toLocaleString('en')} articles per language, each keystroke of a typed query (medians after a warm-up)`, [
    { name: 'lazy chunk (min+gzip)', value: `${gz(code)} B`, budget: '<= 6 kB (6,144 B)' },
    { name: '+ the dock chunk it shares with checklist and survey', value: `${imported.reduce((sum, file) => sum + gz(file), 0)} B` },
    { name: '+ the search chunk, loaded as the panel opens', value: `${gz(searchChunk)} B` },
    { name: 'tour path (entry + CSS, gzip)', value: `${tour} B`, budget: 'within ~50 B of the path before the resource center (14,924 B: b7ef7f3 with describeElement as at 6f39c2a)' },
    ...['English "invoice export"', 'Turkish "şifre sıfırlama"', 'Hebrew "סיסמה איפוס"'].flatMap((name, at) => [
      { name: `${name}: per keystroke, median / p90`, value: `${ms(searches[at]!.median)} / ${ms(searches[at]!.p90)}`, budget: '<= 5 ms' },
      { name: `${name}: index built once (first search)`, value: ms(searches[at]!.buildMs) },
    ]),
    { name: 'article text indexed per language', value: kb(articles('en').reduce((sum, item) => sum + item.title.length + item.body.length, 0)) },
  ]);
}

// `tsx bench/resourceCenterBench.ts` runs this bench alone.
if (process.argv[1]?.endsWith('/resourceCenterBench.ts')) await runResourceCenterBench();
