// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProject } from '../../shared/model/create';
import type { FlowOf } from '../../shared/model/flow';
import { Inspector } from '../../renderer/src/inspector/Inspector';
import { ResourceCenterOutline } from '../../renderer/src/resourceCenter/ResourceCenterOutline';
import { breakUndoMerge, undo, useDocumentStore } from '../../renderer/src/store/documentStore';
import { addFlow, renameFlow } from '../../renderer/src/store/flowActions';
import { addResourceCenter, addSection, addSectionRow, deleteResourceCenterParts, sectionRows, updateArticle } from '../../renderer/src/store/resourceCenterActions';
import { useUiStore } from '../../renderer/src/store/uiStore';
import { openProject } from './support/renderApp';

const center = () => useDocumentStore.getState().project!.flows.find((flow) => flow.kind === 'resourceCenter') as FlowOf<'resourceCenter'>;
const articlesOf = (sectionId: string) => {
  const section = center().resourceCenter.sections.find((candidate) => candidate.id === sectionId)!;
  return section.kind === 'articles' ? section.articles : [];
};

/** A project in English and Hebrew with a resource center whose last section holds articles A1, A2, A3. */
function setUp(): { flowId: string; sectionId: string; ids: string[] } {
  const project = createProject('Acme');
  project.locales.available = ['en', 'he'];
  openProject(project);
  const flowId = addResourceCenter()!;
  const sectionId = addSection(flowId, 'articles')!;
  addSectionRow(flowId, sectionId);
  addSectionRow(flowId, sectionId);
  const ids = articlesOf(sectionId).map((article) => article.id);
  ids.forEach((id, index) => updateArticle(flowId, id, (draft) => void (draft.title.en = `A${index + 1}`)));
  breakUndoMerge();
  return { flowId, sectionId, ids };
}

/** The outline as FlowsOutline mounts it under the selected resource center, reading the store. */
function Outline() {
  const flow = useDocumentStore((state) => state.project?.flows.find((candidate) => candidate.kind === 'resourceCenter')) as FlowOf<'resourceCenter'> | undefined;
  return flow ? <ResourceCenterOutline flow={flow} locale="en" /> : null;
}

beforeEach(() => {
  useUiStore.setState({ editingLocale: null, articleImageCrop: null });
  breakUndoMerge();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the outline', () => {
  it('reorders articles with the keyboard: Space, an arrow, Space', async () => {
    const { sectionId, ids } = setUp();
    useUiStore.setState({ selectedItemIds: [ids[0]!] });
    // jsdom lays nothing out: give each row a place in its list, as a browser would.
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      const row = this.closest('li');
      const index = row?.parentElement ? Array.from(row.parentElement.children).indexOf(row) : 0;
      const top = index * 40;
      return { x: 0, y: top, top, left: 0, width: 200, height: 36, right: 200, bottom: top + 36, toJSON: () => ({}) } as DOMRect;
    });
    render(<Outline />);
    const list = screen.getByRole('list', { name: 'Help articles articles' });
    expect(within(list).getAllByRole('listitem').map((row) => row.querySelector('.item-label')!.textContent)).toEqual(['A1', 'A2', 'A3']);
    const handle = within(list).getByRole('button', { name: 'Reorder article 3: A3' });
    act(() => handle.focus());
    const announced = () => Array.from(document.querySelectorAll('[id^="DndLiveRegion-"]')).map((region) => region.textContent).join(' ');
    fireEvent.keyDown(handle, { code: 'Space', key: ' ' });
    await waitFor(() => expect(announced()).toMatch(/Picked up article 3: A3|article 3: A3 was moved over article 3/));
    fireEvent.keyDown(handle, { code: 'ArrowUp', key: 'ArrowUp' });
    await waitFor(() => expect(announced()).toContain('article 3: A3 was moved over article 2: A2'));
    fireEvent.keyDown(handle, { code: 'Space', key: ' ' });
    await waitFor(() => expect(articlesOf(sectionId).map((article) => article.title.en)).toEqual(['A1', 'A3', 'A2']));
    expect(within(list).getAllByRole('listitem').map((row) => row.querySelector('.item-label')!.textContent)).toEqual(['A1', 'A3', 'A2']);
  });

  it('adds and deletes an article from its row; undo brings it back', () => {
    const { sectionId, ids } = setUp();
    useUiStore.setState({ selectedItemIds: [ids[0]!] });
    render(<Outline />);
    fireEvent.click(screen.getByRole('button', { name: '+ Add article' }));
    expect(articlesOf(sectionId).map((article) => article.title.en)).toEqual(['A1', 'New article', 'A2', 'A3']);
    fireEvent.click(screen.getByRole('button', { name: 'Delete article 3' }));
    expect(articlesOf(sectionId).map((article) => article.title.en)).toEqual(['A1', 'New article', 'A3']);
    act(() => undo());
    expect(screen.getByRole('list', { name: 'Help articles articles' }).textContent).toContain('A2');
  });

  it('selects several articles with Ctrl-click and Shift-click, and deletes them together in one undo step', () => {
    const { flowId, sectionId, ids } = setUp();
    useUiStore.setState({ selectedItemIds: [ids[0]!] });
    render(<Outline />);
    const list = screen.getByRole('list', { name: 'Help articles articles' });
    fireEvent.click(within(list).getByRole('button', { name: /^3\s*A3/ }), { ctrlKey: true });
    expect(useUiStore.getState().selectedItemIds).toEqual([ids[0], ids[2]]);
    fireEvent.click(within(list).getByRole('button', { name: /^2\s*A2/ }), { shiftKey: true });
    expect(useUiStore.getState().selectedItemIds).toEqual([ids[2], ids[1]]);
    act(() => deleteResourceCenterParts(flowId, useUiStore.getState().selectedItemIds));
    expect(articlesOf(sectionId).map((article) => article.title.en)).toEqual(['A1']);
    act(() => undo());
    expect(articlesOf(sectionId).map((article) => article.title.en)).toEqual(['A1', 'A2', 'A3']);
  });

  it('shows lint problems on the row they name: the contact without a way to reach anyone', async () => {
    setUp();
    render(<Outline />);
    const contactRow = screen.getByRole('button', { name: 'Reorder section 3: Contact us' }).closest('li')!;
    const badge = await within(contactRow).findByRole('img', {}, { timeout: 3_000 });
    expect(badge.getAttribute('aria-label')).toMatch(/^1 error: .*no e-mail address, link or phone number/);
  });
});

describe('the article editor', () => {
  it('edits the Hebrew text right to left, beside the English, in one undo step for the typing', () => {
    const { ids } = setUp();
    useUiStore.setState({ selectedItemIds: [ids[1]!], editingLocale: 'he' });
    render(<Inspector screen={undefined} />);
    const title = screen.getByLabelText('Title · Hebrew');
    expect(title.getAttribute('dir')).toBe('rtl');
    expect(screen.getByLabelText('Text · Hebrew').getAttribute('dir')).toBe('rtl');
    expect(screen.getByText('A2')).toBeTruthy();
    fireEvent.change(title, { target: { value: 'מ' } });
    fireEvent.change(title, { target: { value: 'מאמר' } });
    const article = () => center().resourceCenter.sections.flatMap((section) => (section.kind === 'articles' ? section.articles : [])).find((candidate) => candidate.id === ids[1])!;
    expect(article().title).toEqual({ en: 'A2', he: 'מאמר' });
    act(() => undo());
    expect(article().title).toEqual({ en: 'A2' });
  });

  it('inserts a resource center image at the cursor, and offers the crop only when there is a screen', () => {
    const { flowId, ids } = setUp();
    useDocumentStore.getState().change('image', (draft) => {
      const flow = draft.flows.find((candidate) => candidate.id === flowId);
      if (flow?.kind === 'resourceCenter') flow.resourceCenter.images.push({ id: 'shot1', file: `${'a'.repeat(64)}.png`, bytes: 20_000, alt: { en: 'The invoice form' } });
    });
    updateArticle(flowId, ids[0]!, (draft) => void (draft.body.en = 'Open it.Then send.'));
    useUiStore.setState({ selectedItemIds: [ids[0]!] });
    render(<Inspector screen={undefined} />);
    const body = screen.getByLabelText('Text') as HTMLTextAreaElement;
    body.setSelectionRange(8, 8);
    fireEvent.click(screen.getByRole('button', { name: 'Insert The invoice form at the cursor' }));
    expect(articlesOf(center().resourceCenter.sections.at(-1)!.id)[0]!.body.en).toBe('Open it.\n![](image:shot1)\nThen send.');
    const crop = screen.getByRole('button', { name: 'Image from a screen…' });
    expect((crop as HTMLButtonElement).disabled).toBe(true);
    expect(crop.getAttribute('title')).toMatch(/Capture a screen first/);
  });
});

describe('the guide inspector', () => {
  it('changes which tour or checklist a guide starts, and a second guide cannot repeat the same flows', () => {
    const { flowId } = setUp();
    const tourId = addFlow('tour')!;
    const checklistId = addFlow('checklist')!;
    renameFlow(checklistId, 'Setup');
    const sectionId = addSection(flowId, 'guides')!;
    const guides = () => {
      const section = center().resourceCenter.sections.find((candidate) => candidate.id === sectionId)!;
      return section.kind === 'guides' ? section.items.map((guide) => guide.flowId) : [];
    };
    useUiStore.setState({ selectedFlowId: flowId, selectedItemIds: [sectionRows(center().resourceCenter.sections.find((candidate) => candidate.id === sectionId)!)![0]!.id] });
    render(<Inspector screen={undefined} />);
    const starts = screen.getByLabelText('Starts') as HTMLSelectElement;
    expect(starts.value).toBe(tourId);
    fireEvent.change(starts, { target: { value: checklistId } });
    expect(guides()).toEqual([checklistId]);
    expect(addSectionRow(flowId, sectionId)).not.toBeNull();
    expect(guides()).toEqual([checklistId, tourId]);
    expect(addSectionRow(flowId, sectionId)).toBeNull();
    expect(useUiStore.getState().notices.at(-1)?.message).toMatch(/Every tour and checklist of the project is in this section already/);
  });
});
