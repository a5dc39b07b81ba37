// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlayer, type Player } from '../../player/src/createPlayer';
import type { PlayerEvent } from '../../player/src/events';
import { resourceCenterBundle } from '../fixtures/resourceCenterProject';

class FakeResizeObserver {
  observe() {}
  disconnect() {}
}
Object.assign(globalThis, { ResizeObserver: FakeResizeObserver });

let player: Player | undefined;
let events: PlayerEvent[];
const overlay = () => document.querySelector('[data-stepwise-player]')!.shadowRoot!;
const launcher = () => overlay().querySelector<HTMLButtonElement>('.rcl.launch')!;
const panel = () => overlay().querySelector<HTMLElement>('.rc')!;
const button = (label: string) => [...panel().querySelectorAll<HTMLElement>('button, a')].find((node) => node.textContent!.includes(label))!;
const ofType = (type: string) => events.filter((event) => event.type === type);

async function start(options: { locale?: string; searchQueryInEvents?: boolean; bundle?: unknown } = {}) {
  events = [];
  player = createPlayer({ bundle: resourceCenterBundle(), onEvent: (event) => events.push(event), user: { id: 'u1' }, ...options });
  await vi.waitFor(() => expect(document.querySelector('[data-stepwise-player]')?.shadowRoot?.querySelector('.rcl.launch')).toBeTruthy());
}

/** Types into the search box; the results are drawn once the search code (a chunk of its own, loaded as the panel opens) is there. */
async function type(query: string) {
  const input = panel().querySelector<HTMLInputElement>('input[type=search]')!;
  input.value = query;
  input.dispatchEvent(new Event('input'));
  await vi.dynamicImportSettled();
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => {
  player?.destroy();
  player = undefined;
  vi.useRealTimers();
});

describe('resource center in the player', () => {
  it('shows a launcher with the unread count, and opens from it and from the API', async () => {
    await start();
    expect(launcher().textContent).toBe('Help2');
    expect(panel().hidden).toBe(true);
    launcher().click();
    expect(panel().hidden).toBe(false);
    expect(launcher().getAttribute('aria-expanded')).toBe('true');
    expect(panel().getAttribute('role')).toBe('dialog');
    // Focus goes to the search box; Escape closes and gives it back to the launcher.
    expect(overlay().activeElement).toBe(panel().querySelector('input[type=search]'));
    panel().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(panel().hidden).toBe(true);
    expect(overlay().activeElement).toBe(launcher());
    player!.openResourceCenter();
    expect(panel().hidden).toBe(false);
    player!.closeResourceCenter();
    expect(panel().hidden).toBe(true);
    expect(ofType('resource_center_opened').map((event) => (event as PlayerEvent<'resource_center_opened'>).source)).toEqual(['launcher', 'api']);
  });

  it('an untranslated result count keeps its own direction in a right-to-left panel ("1 result", not "result 1")', async () => {
    const bundle = resourceCenterBundle();
    const center = bundle.flows.find((flow) => flow.kind === 'resourceCenter')!;
    if (center.kind !== 'resourceCenter') throw new Error('fixture');
    delete center.resourceCenter.labels.oneResult.he;
    await start({ locale: 'he', bundle });
    launcher().click();
    await type('סיסמה');
    const status = panel().querySelector<HTMLElement>('[role=status]')!;
    expect(status.textContent).toBe('1 result');
    expect(status.dir).toBe('ltr');
    await type('קקקק'); // nothing found: that text is in Hebrew
    expect(status.textContent).toBe('לא נמצא דבר. פנו אלינו:');
    expect(status.dir).toBe('');
  });

  it('opens through the API before its code has loaded', async () => {
    events = [];
    player = createPlayer({ bundle: resourceCenterBundle(), onEvent: (event) => events.push(event), autoStart: false });
    player.openResourceCenter();
    await vi.waitFor(() => expect(document.querySelector('[data-stepwise-player]')?.shadowRoot?.querySelector('.rc:not([hidden])')).toBeTruthy());
    expect(ofType('resource_center_opened')).toHaveLength(1);
  });

  it('searches as you type, highlights with <mark> nodes, announces the count and reports the search once typing settles', async () => {
    await start({ locale: 'tr' });
    launcher().click();
    await type('istanbul');
    expect(panel().querySelector('[role=status]')!.textContent).toBe('1 result (tr)');
    const marks = [...panel().querySelectorAll('mark')].map((mark) => mark.textContent);
    expect(marks).toEqual(['İstanbul']);
    expect(ofType('search')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(600);
    expect(ofType('search')).toEqual([expect.objectContaining({ queryLength: 8, resultCount: 1 })]);
    expect(ofType('search')[0]).not.toHaveProperty('query');
  });

  it('what is typed before the search code has loaded is searched, drawn and reported once it has', async () => {
    await start();
    launcher().click();
    const input = panel().querySelector<HTMLInputElement>('input[type=search]')!;
    input.value = 'invoice';
    input.dispatchEvent(new Event('input'));
    panel().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })); // closed at once: the search is reported
    await vi.dynamicImportSettled();
    expect(ofType('search')).toEqual([expect.objectContaining({ queryLength: 7, resultCount: 2 })]);
    launcher().click();
    expect(panel().querySelector('[role=status]')!.textContent).toBe('2 results');
  });

  it('an empty result offers the contact and reports the query as unanswered (its text only when opted in)', async () => {
    await start({ searchQueryInEvents: true });
    launcher().click();
    await type('<img src=x onerror=alert(1)>');
    expect(panel().querySelector('[role=status]')!.textContent).toBe('Nothing found. Ask us instead:');
    expect(panel().querySelector('img')).toBeNull();
    const mail = panel().querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!;
    expect(mail.href).toBe('mailto:help@example.com');
    panel().querySelector<HTMLInputElement>('input[type=search]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(ofType('search_unanswered')).toEqual([expect.objectContaining({ query: '<img src=x onerror=alert(1)>', queryLength: 28 })]);
    mail.addEventListener('click', (event) => event.preventDefault());
    mail.click();
    expect(ofType('contact_clicked')).toEqual([expect.objectContaining({ channel: 'email' })]);
  });

  it('opens an article with its image and related articles, and asks "Was this helpful?"', async () => {
    await start();
    launcher().click();
    button('Download an invoice').click();
    expect(ofType('article_viewed')).toEqual([expect.objectContaining({ articleId: 'art_invoice', source: 'list' })]);
    expect(panel().querySelector('img')!.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(panel().querySelector('img')!.getAttribute('alt')).toBe('The settings page');
    button('Reset your password').click();
    expect(ofType('article_viewed').at(-1)).toEqual(expect.objectContaining({ articleId: 'art_password', source: 'related' }));
    button('Yes').click();
    panel().querySelector('textarea')!.value = 'Quick and clear';
    button('Send').click();
    expect(ofType('article_feedback')).toEqual([expect.objectContaining({ articleId: 'art_password', helpful: true, comment: 'Quick and clear' })]);
    expect(panel().textContent).toContain('Thanks for telling us.');
  });

  it('an answer without a comment is reported when the user leaves the article', async () => {
    await start();
    launcher().click();
    button('Invite your team').click();
    button('No').click();
    panel().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(ofType('article_feedback')).toEqual([expect.objectContaining({ articleId: 'art_invite', helpful: false, comment: '' })]);
    // Escape went back to the start, not out of the panel.
    expect(panel().hidden).toBe(false);
  });

  it('reading an announcement lowers the unread count, and it stays read on the next visit', async () => {
    await start();
    launcher().click();
    button('Dark mode').click();
    expect(ofType('announcement_viewed')).toEqual([expect.objectContaining({ announcementId: 'news_dark' })]);
    expect(launcher().textContent).toBe('Help1');
    player!.destroy();
    await start();
    expect(launcher().textContent).toBe('Help1');
  });

  it('comes back on every page load, whatever its frequency', async () => {
    await start();
    await vi.runOnlyPendingTimersAsync();
    player!.destroy();
    await start();
    expect(launcher()).toBeTruthy();
  });

  it('arrow keys move along the list; the contact is one button away from any view', async () => {
    await start();
    launcher().click();
    const input = panel().querySelector<HTMLInputElement>('input[type=search]')!;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect((overlay().activeElement as HTMLElement).textContent).toContain('Reports export to PDF');
    button('Download an invoice').click();
    button('Contact us').click();
    expect(panel().querySelector('h2')!.textContent).toContain('Contact us');
    expect(panel().querySelector<HTMLAnchorElement>('a[href^="tel:"]')!.getAttribute('href')).toBe('tel:+15550100');
  });

  it('starts a guide and marks the ones the user completed', async () => {
    localStorage.setItem('stepwise:u1:setup_list', JSON.stringify({ completed: true }));
    await start();
    launcher().click();
    expect(button('Set up your workspace').textContent).toContain('✓');
    button('Take the welcome tour').click();
    expect(panel().hidden).toBe(true);
    await vi.waitFor(() => expect(ofType('flow_started').map((event) => event.flowId)).toContain('welcome_tour'));
  });

  it('right-to-left in Hebrew', async () => {
    await start({ locale: 'he' });
    launcher().click();
    expect(panel().dir).toBe('rtl');
    expect(panel().querySelector('h2')!.textContent).toBe('עזרה');
    await type('סיסמה');
    expect(panel().querySelector('mark')!.textContent).toBe('סִיסְמָה');
  });

  it('a malformed resource center is reported, not thrown into the page, and the rest of the bundle plays', async () => {
    const bundle = JSON.parse(JSON.stringify(resourceCenterBundle()));
    bundle.flows[2].resourceCenter.sections[0].kind = 'faq';
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    events = [];
    player = createPlayer({ bundle, onEvent: (event) => events.push(event) });
    await vi.waitFor(() => expect(errors).toHaveBeenCalled());
    expect(String(errors.mock.calls[0]![1])).toContain('$.flows[2].resourceCenter.sections[0].kind');
    expect(document.querySelector('[data-stepwise-player]')?.shadowRoot?.querySelector('.rcl')).toBeFalsy();
    expect(player.start('welcome_tour')).toBe(true);
    errors.mockRestore();
  });

  it('a resource center that is not an object at all is reported the same way', async () => {
    const bundle = JSON.parse(JSON.stringify(resourceCenterBundle()));
    bundle.flows[2].resourceCenter = 'help';
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    player = createPlayer({ bundle });
    await vi.waitFor(() => expect(errors).toHaveBeenCalled());
    expect(String(errors.mock.calls[0]![1])).toContain('$.flows[2].resourceCenter should be an object');
    expect(player.start('welcome_tour')).toBe(true);
    errors.mockRestore();
  });

  it('a search of 10,000 characters and a missing image do not throw', async () => {
    const bundle = JSON.parse(JSON.stringify(resourceCenterBundle()));
    bundle.flows[2].resourceCenter.images = [];
    await start({ bundle });
    launcher().click();
    button('Download an invoice').click();
    expect(panel().querySelector('img')).toBeNull();
    panel().querySelector<HTMLButtonElement>('.rcback')!.click();
    await expect(type('ş'.repeat(10_000))).resolves.toBeUndefined();
    expect(panel().querySelector('[role=status]')!.textContent).toBe('Nothing found. Ask us instead:');
  });
});
