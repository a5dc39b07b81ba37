import { beforeEach, describe, expect, it } from 'vitest';
import { createProject } from '../../shared/model/create';
import type { FlowOf } from '../../shared/model/flow';
import { breakUndoMerge, undo, useDocumentStore } from '../../renderer/src/store/documentStore';
import { addFlow, duplicateFlow } from '../../renderer/src/store/flowActions';
import {
  addResourceCenter,
  addSection,
  addSectionRow,
  deleteResourceCenterParts,
  duplicateResourceCenterParts,
  moveSection,
  moveSectionRow,
  resourceCenterSelection,
  sectionRows,
  updateArticle,
} from '../../renderer/src/store/resourceCenterActions';
import { withImageLine } from '../../renderer/src/resourceCenter/ArticleEditor';
import { useUiStore } from '../../renderer/src/store/uiStore';
import { createProjectSession } from '../../renderer/src/app/projectSession';
import { createAppCommands } from '../../renderer/src/commands/appCommands';
import { fakeClient } from './support/renderApp';

const center = () => useDocumentStore.getState().project!.flows.find((flow) => flow.kind === 'resourceCenter') as FlowOf<'resourceCenter'>;
const sectionKinds = () => center().resourceCenter.sections.map((section) => section.kind);
const section = (id: string) => center().resourceCenter.sections.find((candidate) => candidate.id === id)!;
const articleTitles = (sectionId: string) => {
  const found = section(sectionId);
  return found.kind === 'articles' ? found.articles.map((article) => article.title.en) : [];
};
const selected = () => useUiStore.getState().selectedItemIds;

beforeEach(() => {
  useDocumentStore.getState().load(createProject('Acme'));
  useUiStore.setState({ selectedFlowId: null, selectedItemIds: [], notices: [] });
  breakUndoMerge();
});

/** A resource center with an articles section of three articles A1, A2, A3 (selection cleared). */
function articlesSection(): { flowId: string; sectionId: string; ids: string[] } {
  const flowId = addResourceCenter()!;
  const sectionId = addSection(flowId, 'articles')!;
  addSectionRow(flowId, sectionId);
  addSectionRow(flowId, sectionId);
  const found = section(sectionId);
  const ids = found.kind === 'articles' ? found.articles.map((article) => article.id) : [];
  ids.forEach((id, index) => updateArticle(flowId, id, (draft) => void (draft.title.en = `A${index + 1}`)));
  useUiStore.setState({ selectedItemIds: [] });
  breakUndoMerge();
  return { flowId, sectionId, ids };
}

describe('a new resource center', () => {
  it('is one per project: asking for a second selects the first and says why', () => {
    const first = addResourceCenter();
    addFlow('tour');
    expect(addResourceCenter()).toBe(first);
    expect(useDocumentStore.getState().project!.flows.filter((flow) => flow.kind === 'resourceCenter')).toHaveLength(1);
    expect(useUiStore.getState().selectedFlowId).toBe(first);
    expect(useUiStore.getState().notices.at(-1)?.message).toMatch(/has a resource center already \(“Resource center”\)/);
  });
});

describe('a duplicated resource center', () => {
  it('has new ids for its sections and articles, so ids stay unique in the project', () => {
    const { flowId } = articlesSection();
    duplicateFlow(flowId);
    const flows = useDocumentStore.getState().project!.flows;
    expect(flows).toHaveLength(2);
    const ids = flows.flatMap((flow) => (flow.kind === 'resourceCenter' ? flow.resourceCenter.sections.flatMap((section) => [section.id, ...(sectionRows(section) ?? []).map((row) => row.id)]) : []));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('sections and their rows', () => {
  it('adds a section after the selected one and selects it; its first row is ready to write', () => {
    const flowId = addResourceCenter()!;
    expect(sectionKinds()).toEqual(['search', 'articles', 'contact']);
    useUiStore.setState({ selectedItemIds: [center().resourceCenter.sections[0]!.id] });
    const id = addSection(flowId, 'announcements')!;
    expect(sectionKinds()).toEqual(['search', 'announcements', 'articles', 'contact']);
    expect(selected()).toEqual([id]);
    expect(sectionRows(section(id))).toHaveLength(1);
  });

  it('reorders articles and sections, one undo step each', () => {
    const { flowId, sectionId, ids } = articlesSection();
    moveSectionRow(flowId, sectionId, ids[2]!, ids[0]!);
    expect(articleTitles(sectionId)).toEqual(['A3', 'A1', 'A2']);
    const before = sectionKinds();
    moveSection(flowId, sectionId, center().resourceCenter.sections[0]!.id);
    expect(sectionKinds()).toEqual(['articles', ...before.filter((_, index) => index !== before.length - 1)]);
    undo();
    expect(sectionKinds()).toEqual(before);
    undo();
    expect(articleTitles(sectionId)).toEqual(['A1', 'A2', 'A3']);
  });

  it('duplicates an article with a new id, and a section with new ids for it and its articles', () => {
    const { flowId, sectionId, ids } = articlesSection();
    duplicateResourceCenterParts(flowId, [ids[0]!]);
    expect(articleTitles(sectionId)).toEqual(['A1', 'A1', 'A2', 'A3']);
    const copyId = selected()[0]!;
    expect(copyId).not.toBe(ids[0]);
    duplicateResourceCenterParts(flowId, [sectionId]);
    const copy = section(selected()[0]!);
    expect(copy.id).not.toBe(sectionId);
    const allIds = center().resourceCenter.sections.flatMap((candidate) => [candidate.id, ...(sectionRows(candidate) ?? []).map((row) => row.id)]);
    expect(new Set(allIds).size).toBe(allIds.length);
  });

  it('deletes an article and selects its neighbour; undo brings it back in its place', () => {
    const { flowId, sectionId, ids } = articlesSection();
    deleteResourceCenterParts(flowId, [ids[1]!]);
    expect(articleTitles(sectionId)).toEqual(['A1', 'A3']);
    expect(selected()).toEqual([ids[2]]);
    undo();
    expect(articleTitles(sectionId)).toEqual(['A1', 'A2', 'A3']);
  });

  it('deletes a whole section with its articles as one undo step, and says so with an Undo', () => {
    const { flowId, sectionId } = articlesSection();
    const before = sectionKinds();
    deleteResourceCenterParts(flowId, [sectionId]);
    expect(sectionKinds()).toEqual(before.slice(0, -1));
    undo();
    expect(articleTitles(sectionId)).toEqual(['A1', 'A2', 'A3']);
    deleteResourceCenterParts(flowId, [sectionId]);
    const notice = useUiStore.getState().notices.at(-1)!;
    expect(notice.message).toBe('Deleted section “Help articles”.');
    notice.action!.run();
    expect(sectionKinds()).toEqual(before);
    expect(selected()).toEqual([sectionId]);
    // Already back (Ctrl+Z): the toast's Undo does nothing more.
    notice.action!.run();
    expect(sectionKinds()).toEqual(before);
  });

  it('knows which section the selection is in, for a section or one of its rows', () => {
    const { sectionId, ids } = articlesSection();
    expect(resourceCenterSelection(center(), [ids[1]!])).toMatchObject({ section: { id: sectionId }, row: { id: ids[1], kind: 'article' } });
    expect(resourceCenterSelection(center(), [sectionId])).toMatchObject({ section: { id: sectionId }, row: null });
    expect(resourceCenterSelection(center(), [])).toEqual({ section: null, row: null });
  });

  it('gives guides (which have no id of their own) row ids that follow them when they move', () => {
    const flowId = addResourceCenter()!;
    const tourId = addFlow('tour')!;
    const checklistId = addFlow('checklist')!;
    useUiStore.setState({ selectedFlowId: flowId, selectedItemIds: [] });
    const sectionId = addSection(flowId, 'guides')!;
    const second = addSectionRow(flowId, sectionId)!;
    const guides = () => {
      const found = section(sectionId);
      return found.kind === 'guides' ? found.items.map((guide) => guide.flowId) : [];
    };
    // The second guide starts the flow the section does not list yet.
    expect(guides()).toEqual([tourId, checklistId]);
    const rows = sectionRows(section(sectionId))!.map((row) => row.id);
    moveSectionRow(flowId, sectionId, second, rows[0]!);
    expect(guides()).toEqual([checklistId, tourId]);
    expect(resourceCenterSelection(center(), selected()).row).toMatchObject({ kind: 'guide', guide: { flowId: checklistId } });
  });
});

describe('an image line in an article', () => {
  it('goes on a line of its own at the cursor', () => {
    expect(withImageLine('Open the form.Then send.', 14, 'img1')).toEqual({ text: 'Open the form.\n![](image:img1)\nThen send.', cursor: 30 });
    expect(withImageLine('', 0, 'img1')).toEqual({ text: '![](image:img1)', cursor: 15 });
    expect(withImageLine('First\n', 6, 'img1').text).toBe('First\n![](image:img1)');
  });
});

describe('the Edit menu and its shortcuts', () => {
  it('duplicate and delete the selected article, not the resource center', () => {
    const { sectionId, ids } = articlesSection();
    const client = fakeClient();
    const commands = createAppCommands(createProjectSession(client), client);
    useUiStore.setState({ selectedItemIds: [ids[0]!] });
    commands.execute('edit.duplicate', 'menu');
    expect(articleTitles(sectionId)).toEqual(['A1', 'A1', 'A2', 'A3']);
    // The copy, then the neighbour selected after it: A2.
    commands.execute('edit.delete', 'menu');
    commands.execute('edit.delete', 'menu');
    expect(articleTitles(sectionId)).toEqual(['A1', 'A3']);
    expect(center()).toBeDefined();
  });
});
