// @vitest-environment jsdom
import { createPreviewLayer, previewWidget } from '@stepwise/player/editor';
import { describe, expect, it } from 'vitest';
import { createFlow, createProject } from '../../shared/model/create';

describe('the canvas drawing of a survey or checklist', () => {
  it.each(['survey', 'checklist'] as const)('leaves focus in the field the author is typing in (%s)', (kind) => {
    const field = document.createElement('input');
    const host = document.createElement('div');
    document.body.append(field, host);
    field.focus();
    const layer = createPreviewLayer(host, { theme: createProject('Acme').theme, locale: 'en', defaultLocale: 'en' });
    // The canvas draws the flow again on every keystroke.
    for (let keystroke = 0; keystroke < 3; keystroke++) previewWidget(layer, createFlow(kind, 'Quarterly NPS', 'en'))();
    const takeDown = previewWidget(layer, createFlow(kind, 'Quarterly NPS', 'en'));
    expect(document.activeElement).toBe(field);
    takeDown();
  });
});
