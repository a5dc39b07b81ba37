// @vitest-environment jsdom
import { createPreviewLayer, previewWidget, type PreviewWidgetFlow } from '@stepwise/player/editor';
import { afterEach, describe, expect, it } from 'vitest';
import { resourceCenterBundle } from '../fixtures/resourceCenterProject';

const bundle = resourceCenterBundle();
const center = bundle.flows.find((flow) => flow.id === 'help_center') as PreviewWidgetFlow;

function draw(locale: string, view?: string) {
  const host = document.createElement('div');
  document.body.append(host);
  const layer = createPreviewLayer(host, { theme: bundle.theme, locale, defaultLocale: 'en' });
  const takeDown = previewWidget(layer, center, { view, flows: bundle.flows });
  const panel = layer.root.querySelector<HTMLElement>('[role=dialog]')!;
  return { host, panel, takeDown, root: layer.root };
}

afterEach(() => document.body.replaceChildren());

describe('the resource center on the canvas', () => {
  it('shows the panel open, with the sections and the guides the project can start', () => {
    const { panel } = draw('en');
    expect(panel.hidden).toBe(false);
    expect(panel.querySelector('h2')!.textContent).toBe('Help');
    const titles = [...panel.querySelectorAll('.itt')].map((node) => node.textContent);
    expect(titles).toEqual(expect.arrayContaining(['Reports export to PDF', 'Take the welcome tour', 'Set up your workspace', 'Download an invoice']));
  });

  it('in Hebrew, right to left', () => {
    const { panel } = draw('he');
    expect(panel.dir).toBe('rtl');
    expect(panel.querySelector('h2')!.textContent).toBe('עזרה');
  });

  it('opens on the article selected in the outline, with its image', () => {
    const { panel } = draw('en', 'art_invoice');
    expect(panel.querySelector('h2')!.textContent).toContain('Download an invoice');
    expect(panel.querySelector('img')!.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(panel.querySelector('img')!.alt).toBe('The settings page');
  });

  it('opens on a selected announcement, and on the contact view for the contact section', () => {
    expect(draw('en', 'news_dark').panel.querySelector('h2')!.textContent).toContain('Dark mode');
    expect(draw('en', 'sec_contact').panel.textContent).toContain('help@example.com');
  });

  it('leaves focus in the field the author is typing in, drawing again on every keystroke', () => {
    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    for (let keystroke = 0; keystroke < 3; keystroke++) draw('en', 'art_invoice').takeDown();
    const { takeDown } = draw('en', 'art_invoice');
    expect(document.activeElement).toBe(field);
    // And focus works again afterwards (it was switched off only while drawing).
    const other = document.createElement('button');
    document.body.append(other);
    other.focus();
    expect(document.activeElement).toBe(other);
    takeDown();
  });

  it('takes itself down', () => {
    const { root, takeDown } = draw('en');
    takeDown();
    expect(root.querySelector('[role=dialog]')).toBeNull();
  });
});
