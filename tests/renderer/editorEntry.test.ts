// @vitest-environment jsdom
import { createPreviewLayer, previewCard, previewWidget, type PreviewLayer } from '@stepwise/player/editor';
import { describe, expect, it } from 'vitest';
import { createFlow, createProject } from '../../shared/model/create';

const theme = createProject('Acme').theme;

function layerOn(locale: string): { host: HTMLElement; layer: PreviewLayer } {
  const host = document.createElement('div');
  document.body.append(host);
  return { host, layer: createPreviewLayer(host, { theme, locale, defaultLocale: 'en' }) };
}

describe('@stepwise/player/editor, as the canvas uses it', () => {
  it("draws a checklist of the editor's own model, in the edited language, and takes it down", () => {
    const { layer } = layerOn('fr');
    const checklist = createFlow('checklist', 'Get started', 'en');
    checklist.checklist.launcher.label = { en: 'Get started', fr: 'Commencer' };
    const takeDown = previewWidget(layer, checklist); // the model flow, no cast
    const launcher = layer.root.querySelector('button.launch');
    expect(launcher?.textContent).toContain('Commencer');
    takeDown();
    expect(layer.root.querySelector('button.launch')).toBeNull();
  });

  it('mirrors right-to-left languages and builds the player\'s card: title, markdown body, buttons', () => {
    const { host, layer } = layerOn('he');
    expect(host.dir).toBe('rtl');
    const { card } = previewCard(layer, { title: { en: 'Hello' }, body: { en: '**Welcome**' }, closable: true, buttons: [{ action: 'next', label: { en: 'Next' } }] }, false);
    layer.root.append(card);
    expect(card.textContent).toContain('Hello');
    expect(card.querySelector('strong')?.textContent).toBe('Welcome');
    expect([...card.querySelectorAll('button')].map((button) => button.textContent)).toContain('Next');
  });

  it('shows the buttons the player will at the step\'s place: no Back first, "Done" last', () => {
    const { layer } = layerOn('en');
    const buttons = [
      { action: 'back' as const, label: { en: 'Back' } },
      { action: 'next' as const, label: { en: 'Next' } },
    ];
    const labels = (index: number) =>
      [...previewCard(layer, { title: { en: 'Step' }, body: { en: '' }, closable: false, buttons, position: { index, count: 3 } }, false).card.querySelectorAll('button')].map((button) => button.textContent);
    expect(labels(0)).toEqual(['Next']);
    expect(labels(1)).toEqual(['Back', 'Next']);
    expect(labels(2)).toEqual(['Back', 'Done']);
  });

  it('refuses a layer it did not make, saying which entry and what to pass', () => {
    const fake = { root: document.createElement('div').attachShadow({ mode: 'open' }), dir: 'ltr' as const, t: () => '' };
    expect(() => previewWidget(fake, createFlow('survey', 'NPS', 'en'))).toThrow('@stepwise/player/editor: pass a layer made by createPreviewLayer().');
  });
});
