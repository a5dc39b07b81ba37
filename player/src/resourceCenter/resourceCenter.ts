import type { BundleFlow, LocalizedText } from '../bundleTypes';
import type { Child } from '../dom';
import type { RunFlow, RunningFlow } from '../context';
import { dock, mirrored } from '../layout/dock';
import css from '../styles/resourceCenter.css?raw';
import { RESOURCE_CENTER_RULE } from './resourceCenterRules';
import type * as SearchCode from './searchIndex';

type Body = Extract<BundleFlow, { kind: 'resourceCenter' }>['resourceCenter'];
type Section = Body['sections'][number];
type Article = Extract<Section, { kind: 'articles' }>['articles'][number];
type Guide = Extract<Section, { kind: 'guides' }>['items'][number];
type Announcement = Extract<Section, { kind: 'announcements' }>['items'][number] & { auto: boolean };
type Contact = Extract<Section, { kind: 'contact' }>;
type Found = { article?: Article; guide?: Guide; title: string; body: string };

const ICONS: Record<string, string> = {
  help: 'M12 3a9 9 0 1 1 0 18a9 9 0 0 1 0-18zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .8-1 1.5v.7M12 17h.01',
  book: 'M4 5a2 2 0 0 1 2-2h14v16H6a2 2 0 0 0-2 2zM4 21V5',
  chat: 'M4 5h16v11H9l-5 4z',
  megaphone: 'M3 10v4h4l8 5V5L7 10zM18 9a4 4 0 0 1 0 6',
};
const SETTLE_MS = 600;
const MAX_RESULTS = 20;
let uniqueId = 0;

/**
 * The resource center: a launcher (with the count of unread announcements) and a panel of the
 * sections targeted at this page, an article view with "Was this helpful?", announcements and
 * search. The panel is a non-modal dialog: Escape goes back, then closes; arrow keys move along a
 * list; focus returns to the launcher. The contact is one button away from every view.
 */
export const runResourceCenter: RunFlow = (flow, context, end) => {
  const { h, markdown } = context.kit;
  const report = (error: unknown) => console.error('[stepwise] resource center:', error);
  const idle: RunningFlow = { flow, stop() {} };
  if (flow.kind !== 'resourceCenter') return idle;
  let body: Body;
  try {
    // Checked here, not by createPlayer, so the tour path carries no rule for it (see writePlayerCheck.ts).
    body = context.kit.parse(RESOURCE_CENTER_RULE, flow.resourceCenter, `$.flows[${context.bundle.flows.indexOf(flow)}].resourceCenter`) as Body;
  } catch (error) {
    report(error);
    return idle;
  }
  /** Listeners never throw into the page. */
  const safe =
    <A extends unknown[]>(action: (...args: A) => void) =>
    (...args: A) => {
      try {
        action(...args);
      } catch (error) {
        report(error);
      }
    };
  const view = context.document.defaultView!;
  const t = context.t;
  const dirOf = context.kit.fallbackDirection(context);
  const text = (tag: 'h2' | 'h3' | 'p' | 'span' | 'time', value: LocalizedText, props: Record<string, string | number> = {}) => h(tag, { ...props, dir: dirOf(value) }, t(value));
  /** Most of the panel is elements with one class and children. */
  const classed = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: Child[]) => h(tag, { className }, ...children);
  const button = (className: string, onclick: () => void, ...children: Child[]) => h('button', { type: 'button', className, onclick: safe(onclick) }, ...children);
  const id = `sw-rc${++uniqueId}`;
  const emit = ((type, data) => context.emit(type, flow, data)) as <T extends Parameters<typeof context.emit>[0]>(type: T, data: Parameters<typeof context.emit<T>>[2]) => void;
  const store = context.frequency;
  // Frequency does not apply to a place people come back to: the player marked it seen as it
  // started (a timer set before this one), and the mark is taken off again so it starts on the next page too.
  view.setTimeout(() => store.reset(flow.id));
  /** Read announcements, under a key of their own (no flow id has a "."), which that reset leaves alone. */
  const readKey = `${flow.id}.read`;
  const read = new Set(store.read(readKey).items ?? []);
  /** The locale shown: the one tag other than the default for which `t` gives its text (the player does not say it). */
  const locale = () => {
    const { defaultLocale, available } = context.bundle.locales;
    return available.find((tag) => tag !== defaultLocale && t({ [tag]: '1' })) ?? defaultLocale;
  };

  // What this page shows, worked out again after a navigation or a change of language.
  let sections: Section[] = [];
  let articles: Article[] = [];
  let guides: Guide[] = [];
  let news: Announcement[] = [];
  let contact: Contact | undefined;
  let built: ReturnType<typeof SearchCode.searchIndex<Found>> | undefined;
  /**
   * The search code is a chunk of its own, loaded as the panel opens (before anything can be
   * typed), not with the launcher: most page views never open the panel.
   */
  let searchCode: typeof SearchCode | undefined;
  let searchLoading: Promise<void> | undefined;
  const loadSearch = () =>
    (searchLoading ??= import('./searchIndex')
      .then((code) => {
        searchCode = code;
        if (open && query) typed(); // what was typed while it loaded
      })
      .catch(report));
  /** Built on the first search, not on every page load: folding a thousand articles takes tens of milliseconds. */
  const index = () =>
    (built ??= searchCode!.searchIndex<Found>(
      [...articles.map((article) => ({ article, title: t(article.title), body: searchCode!.plainText(t(article.body)) })), ...guides.map((guide) => ({ guide, title: t(guide.title), body: t(guide.description) }))],
      locale(),
    ));
  const images = new Map(body.images.map((image) => [image.id, image]));
  const collect = () => {
    sections = body.sections.filter((section) => context.targets(section));
    const of = <K extends Section['kind']>(kind: K) => sections.filter((section): section is Extract<Section, { kind: K }> => section.kind === kind);
    articles = of('articles').flatMap((section) => section.articles);
    const flows = new Set(context.bundle.flows.filter((candidate) => candidate.kind === 'tour' || candidate.kind === 'checklist').map((candidate) => candidate.id));
    guides = of('guides').flatMap((section) => section.items.filter((item) => flows.has(item.flowId)));
    news = of('announcements')
      .flatMap((section) => section.items.map((item) => ({ ...item, auto: section.autoOpen })))
      .sort((a, b) => b.date.localeCompare(a.date));
    contact = of('contact')[0];
    built = undefined;
  };

  context.style(css);
  const layer = context.layer();
  const { launcher: launch } = body;
  const svg = (path: string) => {
    const make = (tag: string) => context.document.createElementNS('http://www.w3.org/2000/svg', tag);
    const icon = make('svg');
    const line = make('path');
    icon.setAttribute('viewBox', '0 0 24 24');
    icon.setAttribute('aria-hidden', 'true');
    line.setAttribute('d', path);
    icon.append(line);
    return icon;
  };
  const launcher = h('button', { type: 'button', className: `launch rcl${launch.style === 'tab' ? ` tab ${mirrored(launch.position, context.dir).split('-')[1]}` : ''}`, 'aria-controls': id, 'aria-expanded': 'false', onclick: safe(() => toggle(!open)) });
  const panel = h('section', { className: 'card rc', id, role: 'dialog', 'aria-labelledby': `${id}t`, hidden: true });
  const heading = h('h2', { id: `${id}t`, tabindex: -1 });
  const status = h('div', { className: 'rcs', role: 'status', 'aria-live': 'polite' });
  const content = classed('div', 'rcb');
  const footer = classed('div', 'rcf');
  const close = button('x', () => toggle(false), '×');
  panel.append(classed('div', 'rch', heading, close), status, content, footer);
  const docked = launch.style === 'tab' ? dock(context, launch.position, panel) : dock(context, launch.position, launcher, panel);
  if (launch.style === 'tab') layer.append(launcher);
  docked.slot.classList.add('fits');

  let open = false;
  let query = '';
  let settle = 0;
  /** The article's answer to "Was this helpful?" not yet sent with a comment. */
  let pending: (() => void) | null = null;
  let lastOpened: HTMLElement | null = null;
  const search = h('input', { type: 'search', className: 'rcq', 'aria-controls': `${id}r`, autocomplete: 'off', maxlength: 200 }); // the search reads 200 characters (MAX_QUERY): the box takes no more

  const unread = () => news.filter((item) => !read.has(item.id)).length;
  function drawLauncher(): void {
    const count = unread();
    launcher.replaceChildren(...(launch.icon === 'none' ? [] : [svg(ICONS[launch.icon]!)]), text('span', launch.label), count ? classed('span', 'badge', count) : '');
    launcher.dir = context.dir;
    panel.dir = context.dir;
  }

  function toggle(show: boolean, source: 'launcher' | 'api' | 'announcement' = 'launcher'): void {
    if (show === open) return;
    open = show;
    panel.hidden = !show;
    launcher.setAttribute('aria-expanded', String(show));
    if (show) {
      emit('resource_center_opened', { source });
      home();
      const searchable = sections.some((section) => section.kind === 'search');
      if (searchable) void loadSearch();
      (searchable ? search : heading).focus();
    } else {
      leaveArticle();
      if (settle) reportSearch();
      if (panel.contains(layer.activeElement)) launcher.focus();
    }
  }

  /** A view replaces the panel's body; `focus` gets the focus (a heading, so screen readers read where they are). */
  function show(title: LocalizedText, nodes: Child[], back: boolean): void {
    leaveArticle();
    // Opening a result (or anything else) ends the search: report it now rather than when the timer would.
    if (back && settle) reportSearch();
    if (back) status.textContent = '';
    heading.replaceChildren(back ? button('rcback', home, '‹ ', t(body.labels.back)) : '', t(title));
    content.replaceChildren(h('div', null, ...nodes));
    footer.replaceChildren(contact ? button('btn', showContact, t(body.labels.contact)) : '');
  }

  const item = (title: Child | Child[], detail: Child | Child[], onclick: () => void, extra?: Child) =>
    h('li', null, button('it', onclick, classed('span', 'itt', ...[title].flat()), extra, detail ? classed('span', 'itd', ...[detail].flat()) : ''));

  function home(): void {
    show(body.labels.title, [], false);
    if (query) return results();
    status.textContent = '';
    for (const section of sections) {
      const list = classed('ul', 'rcl');
      const part = classed('div', 'rcp', section.kind === 'search' ? search : text('h3', section.title), list);
      if (section.kind === 'articles') section.articles.forEach((article) => list.append(item(t(article.title), null, () => openArticle(article, 'list'))));
      else if (section.kind === 'guides') for (const guide of guides.filter((candidate) => section.items.includes(candidate))) list.append(guideItem(guide, t(guide.title)));
      else if (section.kind === 'announcements') for (const entry of news.filter((candidate) => section.items.some((own) => own.id === candidate.id))) list.append(item(t(entry.title), entry.date, () => openAnnouncement(entry), read.has(entry.id) ? '' : h('span', { className: 'dot', 'aria-hidden': 'true' })));
      else if (section.kind === 'contact') part.append(contactLinks(section));
      if (section.kind === 'search' || list.children.length || section.kind === 'contact') content.append(part);
    }
  }

  function guideItem(guide: Guide, title: Child | Child[]): HTMLElement {
    const done = store.read(guide.flowId).completed;
    return item(title, t(guide.description), () => {
      toggle(false);
      context.start(guide.flowId);
    }, done ? classed('span', 'ok', '✓ ', t(body.labels.done)) : '');
  }

  /** The matched parts (`ranges`, from matchRanges) of `value` in <mark> nodes (text nodes only, whatever was typed). */
  function marked(value: string, ranges: [number, number][], from = 0, to = value.length): Child[] {
    const out: Child[] = [];
    let at = from;
    for (const [start, stop] of ranges) {
      if (start < from || stop > to) continue;
      out.push(value.slice(at, start), h('mark', null, value.slice(start, stop)));
      at = stop;
    }
    out.push(value.slice(at, to));
    return out;
  }

  function results(): void {
    if (!searchCode) {
      content.replaceChildren(classed('div', 'rcp', search)); // drawn again once the search code has loaded
      return;
    }
    const { matchRanges } = searchCode;
    const terms = index().terms(query);
    const hits = index().search(terms);
    const count = hits.length;
    const countLabel = count ? (count === 1 ? body.labels.oneResult : body.labels.results) : body.labels.noResults;
    status.textContent = t(countLabel).replace('{count}', String(count));
    status.dir = dirOf(countLabel) ?? ''; // an untranslated "1 result" reads as written in a right-to-left panel
    const list = h('ul', { className: 'rcl', id: `${id}r` });
    for (const { item: found } of hits.slice(0, MAX_RESULTS)) {
      const ranges = matchRanges(found.body, terms, index().fold);
      const from = Math.max(0, (ranges[0]?.[0] ?? 0) - 40);
      const snippet = [from ? '…' : '', ...marked(found.body, ranges, from, Math.min(found.body.length, from + 140))];
      const title = marked(found.title, matchRanges(found.title, terms, index().fold));
      list.append(found.article ? item(title, snippet, () => openArticle(found.article!, 'search')) : guideItem(found.guide!, title));
    }
    content.replaceChildren(classed('div', 'rcp', search, count ? list : classed('div', 'rce', contact ? contactLinks(contact) : '')));
  }

  /** Reports the search once typing settles (or on Enter): its length and result count, the text only when the developer opted in. */
  function reportSearch(): void {
    view.clearTimeout(settle);
    settle = 0;
    if (!query.trim()) return;
    if (!searchCode) {
      void loadSearch().then(safe(reportSearch)); // typed (and left) before the search code had loaded
      return;
    }
    const resultCount = index().search(index().terms(query)).length;
    const said = context.options.searchQueryInEvents ? { query } : {};
    emit('search', { queryLength: query.length, resultCount, ...said });
    if (!resultCount) emit('search_unanswered', { queryLength: query.length, ...said });
  }

  search.addEventListener(
    'input',
    safe(() => {
      query = search.value;
      view.clearTimeout(settle);
      settle = view.setTimeout(safe(reportSearch), SETTLE_MS);
      typed();
    }),
  );

  /** Draws the results of what is typed, the caret staying where it was (the search box moves into the new view). */
  function typed(): void {
    const caret = search.selectionStart;
    home();
    search.focus();
    search.setSelectionRange(caret, caret);
  }
  search.addEventListener('keydown', safe((event: KeyboardEvent) => event.key === 'Enter' && reportSearch()));

  function articleNodes(article: Article): Child[] {
    const nodes: Child[] = [];
    // A line `![](image:<id>)` shows an image of the resource center; everything else is the safe markdown subset.
    for (const part of t(article.body).split(/^!\[\]\(image:([\w-]+)\)$/m)) {
      const image = nodes.length % 2 ? images.get(part) : null;
      if (nodes.length % 2 === 0) nodes.push(h('div', { className: 'md', dir: dirOf(article.body) }, markdown(part)));
      else {
        const img = image && h('img', { src: image.src, alt: t(image.alt), loading: 'lazy' });
        img?.addEventListener('error', () => img.replaceWith(classed('span', 'noimg', t(image!.alt))));
        nodes.push(img || null);
      }
    }
    return nodes;
  }

  function openArticle(article: Article, source: 'list' | 'search' | 'related'): void {
    lastOpened = context.document.activeElement as HTMLElement | null;
    show(article.title, [], true);
    const related = article.related.map((relatedId) => articles.find((candidate) => candidate.id === relatedId)).filter((found): found is Article => Boolean(found));
    const feedback = classed('div', 'rcfb');
    const answer = (helpful: boolean) => {
      let sent = false;
      const comment = h('textarea', { 'aria-label': t(body.labels.commentPrompt), placeholder: t(body.labels.commentPrompt), maxlength: 2_000 });
      const send = () => {
        if (sent) return;
        sent = true;
        pending = null;
        emit('article_feedback', { articleId: article.id, helpful, comment: comment.value.trim() });
      };
      pending = send;
      feedback.replaceChildren(
        comment,
        button(
          'btn primary',
          () => {
            send();
            feedback.replaceChildren(text('p', body.labels.thanks, { role: 'status' }));
            heading.focus(); // the button is gone: keep the focus in the panel, where Escape and Tab work
          },
          t(body.labels.send),
        ),
      );
      comment.focus();
    };
    feedback.append(text('p', body.labels.helpful), button('btn', () => answer(true), t(body.labels.yes)), button('btn', () => answer(false), t(body.labels.no)));
    content.append(h('div', null, ...articleNodes(article)));
    if (related.length) content.append(text('h3', body.labels.related), classed('ul', 'rcl', ...related.map((other) => item(t(other.title), null, () => openArticle(other, 'related')))));
    content.append(feedback);
    heading.focus();
    emit('article_viewed', { articleId: article.id, source });
  }

  /** Leaving an article with an answer but no comment sent still reports the answer. */
  function leaveArticle(): void {
    pending?.();
  }

  function openAnnouncement(entry: Announcement): void {
    show(entry.title, [h('time', { className: 'itd', datetime: entry.date }, entry.date), h('div', { className: 'md', dir: dirOf(entry.body) }, markdown(t(entry.body)))], true);
    heading.focus();
    if (!read.has(entry.id)) {
      read.add(entry.id);
      store.update(readKey, { items: [...read] });
      drawLauncher();
    }
    emit('announcement_viewed', { announcementId: entry.id });
  }

  function contactLinks(section: Contact): HTMLElement {
    const link = (channel: 'email' | 'url' | 'phone', href: string, shown: string) =>
      h('li', null, h('a', { href, className: 'it', ...(channel === 'url' ? { target: '_blank', rel: 'noopener noreferrer' } : {}), onclick: safe(() => emit('contact_clicked', { channel })) }, shown));
    return h(
      'div',
      { className: 'rcc' },
      h(
        'ul',
        { className: 'rcl' },
        section.email ? link('email', `mailto:${section.email}`, section.email) : '',
        section.url ? link('url', section.url, t(section.urlLabel) || section.url) : '',
        section.phone ? link('phone', `tel:${section.phone.replace(/[^+\d]/g, '')}`, section.phone) : '',
      ),
      t(section.hours) ? text('p', section.hours, { className: 'itd' }) : '',
    );
  }

  function showContact(): void {
    show(contact!.title, [contactLinks(contact!)], true);
    heading.focus();
  }

  // Arrow keys move along the view's list; Escape goes back to the start, then closes.
  panel.addEventListener(
    'keydown',
    safe((event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        if (heading.querySelector('.rcback')) {
          home();
          (lastOpened?.isConnected ? lastOpened : heading).focus();
        } else toggle(false);
        return;
      }
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      const stops = [...content.querySelectorAll<HTMLElement>('.it')];
      const active = layer.activeElement as HTMLElement | null;
      if (active?.tagName === 'TEXTAREA') return;
      const at = active ? stops.indexOf(active) : -1;
      const next = stops[event.key === 'ArrowDown' ? at + 1 : (at < 0 ? stops.length : at) - 1];
      if (next) {
        event.preventDefault();
        next.focus();
      } else if (event.key === 'ArrowUp' && at === 0 && search.isConnected) {
        event.preventDefault();
        search.focus();
      }
    }),
  );

  function draw(): void {
    collect();
    const shown = context.targets(flow);
    docked.slot.hidden = launcher.hidden = !shown;
    if (!shown && open) toggle(false);
    close.setAttribute('aria-label', t(body.labels.close));
    search.placeholder = t(body.labels.searchPlaceholder);
    search.setAttribute('aria-label', t(body.labels.searchPlaceholder));
    drawLauncher();
    if (open) home();
  }

  draw();
  const requested = context.open;
  context.open = undefined;
  const fresh = news.find((entry) => entry.auto && !read.has(entry.id));
  if (requested) toggle(true, 'api');
  else if (fresh && !launcher.hidden) {
    toggle(true, 'announcement');
    openAnnouncement(fresh);
  }

  return {
    flow,
    stop: (reason) => {
      view.clearTimeout(settle);
      leaveArticle();
      docked.remove();
      launcher.remove();
      end({ reason });
    },
    open: safe((show: boolean) => {
      context.open = undefined;
      toggle(show, 'api');
    }),
    navigated: safe(draw),
    refresh: safe(draw),
  };
};

/** The player loads each kind alike, by its default export (createPlayer.ts). */
export default runResourceCenter;
