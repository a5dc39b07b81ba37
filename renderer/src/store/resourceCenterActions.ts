import type { Draft } from 'immer';
import { arrayMove } from '@dnd-kit/sortable';
import type { Flow, FlowOf } from '../../../shared/model/flow';
import { newId } from '../../../shared/model/ids';
import type { Announcement, Article, GuideItem, ResourceCenterBody, ResourceCenterSection, SectionKind } from '../../../shared/model/resourceCenter';
import { useDocumentStore } from './documentStore';
import { addFlow, selectFlow } from './flowActions';
import { notify, useUiStore } from './uiStore';

/**
 * The resource center's editing: its sections, and the rows inside a section (articles, guides,
 * announcements), each reorderable, duplicable and deletable as one undo step.
 *
 * Selection: `selectedItemIds` holds either section ids or the ids of rows of one section.
 * Sections, articles and announcements have project-unique nanoids; a guide has none in the model
 * (it is its flow id), so its row id is `guide:<section id>:<flow id>:<n>` (n counts earlier guides
 * of the same flow, normally 0). Nanoids never hold ':', so the two kinds cannot collide.
 */

type RcFlow = FlowOf<'resourceCenter'>;
type SectionOf<K extends SectionKind> = Extract<ResourceCenterSection, { kind: K }>;

/** What a section lists as rows, or null for a section without rows (search, contact). */
export type SectionRow = { id: string; kind: 'article'; article: Article } | { id: string; kind: 'announcement'; announcement: Announcement } | { id: string; kind: 'guide'; guide: GuideItem; index: number };

export function guideRowId(sectionId: string, guides: readonly GuideItem[], index: number): string {
  const flowId = guides[index]!.flowId;
  const before = guides.slice(0, index).filter((guide) => guide.flowId === flowId).length;
  return `guide:${sectionId}:${flowId}:${before}`;
}

export function sectionRows(section: ResourceCenterSection): SectionRow[] | null {
  switch (section.kind) {
    case 'articles':
      return section.articles.map((article) => ({ id: article.id, kind: 'article', article }));
    case 'announcements':
      return section.items.map((announcement) => ({ id: announcement.id, kind: 'announcement', announcement }));
    case 'guides':
      return section.items.map((guide, index) => ({ id: guideRowId(section.id, section.items, index), kind: 'guide', guide, index }));
    default:
      return null;
  }
}

/** The rows' array in a draft section, in the same order as sectionRows. */
function rowArray(section: Draft<ResourceCenterSection>): Array<{ id?: string; flowId?: string }> | null {
  if (section.kind === 'articles') return section.articles;
  if (section.kind === 'announcements' || section.kind === 'guides') return section.items;
  return null;
}

function rowIds(section: ResourceCenterSection | Draft<ResourceCenterSection>): string[] {
  return sectionRows(section as ResourceCenterSection)?.map((row) => row.id) ?? [];
}

/** Every id the resource center's selection may hold: its sections and their rows. */
export function resourceCenterPartIds(flow: RcFlow): string[] {
  return flow.resourceCenter.sections.flatMap((section) => [section.id, ...rowIds(section)]);
}

/** The section the selection is in (a selected section, or the section of a selected row) and the row shown, if any. */
export function resourceCenterSelection(flow: RcFlow, selectedIds: readonly string[]): { section: ResourceCenterSection | null; row: SectionRow | null } {
  const last = selectedIds.at(-1);
  if (!last) return { section: null, row: null };
  for (const section of flow.resourceCenter.sections) {
    if (section.id === last) return { section, row: null };
    const row = sectionRows(section)?.find((candidate) => candidate.id === last);
    if (row) return { section, row };
  }
  return { section: null, row: null };
}

function changeBody(label: string, flowId: string, recipe: (body: Draft<ResourceCenterBody>) => void, mergeKey?: string): void {
  useDocumentStore.getState().change(
    label,
    (draft) => {
      const flow = draft.flows.find((candidate) => candidate.id === flowId);
      if (flow?.kind === 'resourceCenter') recipe(flow.resourceCenter);
    },
    mergeKey && `${flowId}/${mergeKey}`,
  );
}

/** Edits the launcher, the panel's texts or the images; typing in one field merges into one undo step. */
export function updateResourceCenter(flowId: string, recipe: (body: Draft<ResourceCenterBody>) => void, mergeKey?: string): void {
  changeBody('Edit resource center', flowId, recipe, mergeKey);
}

export function updateSection<K extends SectionKind = SectionKind>(flowId: string, sectionId: string, recipe: (section: Draft<SectionOf<K>>) => void, mergeKey?: string): void {
  changeBody(
    'Edit section',
    flowId,
    (body) => {
      const section = body.sections.find((candidate) => candidate.id === sectionId);
      if (section) recipe(section as Draft<SectionOf<K>>);
    },
    mergeKey && `${sectionId}/${mergeKey}`,
  );
}

export function updateArticle(flowId: string, articleId: string, recipe: (article: Draft<Article>) => void, mergeKey?: string): void {
  changeBody(
    'Edit article',
    flowId,
    (body) => {
      for (const section of body.sections) {
        const article = section.kind === 'articles' ? section.articles.find((candidate) => candidate.id === articleId) : undefined;
        if (article) return recipe(article);
      }
    },
    mergeKey && `${articleId}/${mergeKey}`,
  );
}

export function updateAnnouncement(flowId: string, announcementId: string, recipe: (announcement: Draft<Announcement>) => void, mergeKey?: string): void {
  changeBody(
    'Edit announcement',
    flowId,
    (body) => {
      for (const section of body.sections) {
        const item = section.kind === 'announcements' ? section.items.find((candidate) => candidate.id === announcementId) : undefined;
        if (item) return recipe(item);
      }
    },
    mergeKey && `${announcementId}/${mergeKey}`,
  );
}

/** Edits one guide, found by position (a guide has no id of its own). */
export function updateGuide(flowId: string, sectionId: string, index: number, recipe: (guide: Draft<GuideItem>) => void, mergeKey?: string): void {
  updateSection<'guides'>(flowId, sectionId, (section) => {
    const guide = section.items[index];
    if (guide) recipe(guide);
  }, mergeKey && `guide${index}/${mergeKey}`);
}

/** Tours and checklists of the project: what a guide can start. */
export function guideTargets(flows: readonly Flow[]): Flow[] {
  return flows.filter((flow) => flow.kind === 'tour' || flow.kind === 'checklist');
}

const SECTION_TITLES: Record<SectionKind, string> = {
  guides: 'Guides',
  articles: 'Help articles',
  search: 'Search',
  announcements: "What's new",
  contact: 'Contact us',
};

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function newSection(kind: SectionKind, locale: string, flows: readonly Flow[]): ResourceCenterSection {
  const shape = { id: newId(), title: { [locale]: SECTION_TITLES[kind] }, targeting: { urls: [], users: [] } };
  switch (kind) {
    case 'guides': {
      const first = guideTargets(flows)[0];
      return { ...shape, kind, items: first ? [{ flowId: first.id, title: { [locale]: first.name }, description: {} }] : [] };
    }
    case 'articles':
      return { ...shape, kind, articles: [newArticle(locale)] };
    case 'announcements':
      return { ...shape, kind, items: [newAnnouncement(locale)], autoOpen: false };
    case 'contact':
      return { ...shape, kind, urlLabel: {}, hours: {} };
    case 'search':
      return { ...shape, kind };
  }
}

function newArticle(locale: string): Article {
  return { id: newId(), title: { [locale]: 'New article' }, body: { [locale]: '' }, related: [] };
}

function newAnnouncement(locale: string): Announcement {
  return { id: newId(), date: today(), title: { [locale]: 'New announcement' }, body: { [locale]: '' } };
}

function defaultLocale(): string {
  return useDocumentStore.getState().project?.locales.defaultLocale ?? 'en';
}

/** Adds a section of a kind after the selected one (or at the end) and selects it. */
export function addSection(flowId: string, kind: SectionKind): string | null {
  const project = useDocumentStore.getState().project;
  if (!project) return null;
  const section = newSection(kind, defaultLocale(), project.flows);
  const selected = useUiStore.getState().selectedItemIds.at(-1);
  let added = false;
  changeBody(`Add ${kind} section`, flowId, (body) => {
    if (body.sections.length >= 20) return;
    const index = body.sections.findIndex((candidate) => candidate.id === selected || rowIds(candidate).includes(selected ?? ''));
    body.sections.splice(index < 0 ? body.sections.length : index + 1, 0, section);
    added = true;
  });
  if (!added) {
    notify('error', 'A resource center holds at most 20 sections: remove one first.');
    return null;
  }
  useUiStore.setState({ selectedFlowId: flowId, selectedItemIds: [section.id] });
  return section.id;
}

/**
 * Adds an article, announcement or guide to a section after the selected row (or at the end) and
 * selects it. A guide starts the first tour or checklist the section does not list yet (none left:
 * nothing is added and the author is told).
 */
export function addSectionRow(flowId: string, sectionId: string): string | null {
  const project = useDocumentStore.getState().project;
  if (!project) return null;
  const locale = defaultLocale();
  const selected = useUiStore.getState().selectedItemIds.at(-1);
  let addedId: string | null = null;
  changeBody('Add', flowId, (body) => {
    const section = body.sections.find((candidate) => candidate.id === sectionId);
    if (!section) return;
    const at = (ids: string[]) => {
      const index = ids.indexOf(selected ?? '');
      return index < 0 ? ids.length : index + 1;
    };
    if (section.kind === 'articles') {
      const article = newArticle(locale);
      section.articles.splice(at(rowIds(section)), 0, article);
      addedId = article.id;
    } else if (section.kind === 'announcements') {
      const item = newAnnouncement(locale);
      // Newest first, as the panel shows them.
      section.items.unshift(item);
      addedId = item.id;
    } else if (section.kind === 'guides') {
      const target = guideTargets(project.flows).find((flow) => !section.items.some((guide) => guide.flowId === flow.id));
      if (!target) return;
      const index = at(rowIds(section));
      section.items.splice(index, 0, { flowId: target.id, title: { [locale]: target.name }, description: {} });
      addedId = guideRowId(section.id, section.items as GuideItem[], index);
    }
  });
  if (addedId) useUiStore.setState({ selectedFlowId: flowId, selectedItemIds: [addedId] });
  else notify('info', 'Every tour and checklist of the project is in this section already: create another one first, or change what a guide starts.');
  return addedId;
}

/** Where an id stands: a section (index) or a row of a section. */
function locate(body: ResourceCenterBody | Draft<ResourceCenterBody>, id: string): { sectionIndex: number; rowIndex: number } | null {
  for (let sectionIndex = 0; sectionIndex < body.sections.length; sectionIndex++) {
    const section = body.sections[sectionIndex]!;
    if (section.id === id) return { sectionIndex, rowIndex: -1 };
    const rowIndex = rowIds(section).indexOf(id);
    if (rowIndex >= 0) return { sectionIndex, rowIndex };
  }
  return null;
}

/** A copy of a section or row with fresh ids throughout, so no two records in a project share one. */
function freshCopy<T>(value: T): T {
  const copy = JSON.parse(JSON.stringify(value)) as T & { id?: string; articles?: Article[]; items?: Array<{ id?: string }> };
  if (typeof copy.id === 'string') copy.id = newId();
  for (const article of copy.articles ?? []) article.id = newId();
  for (const item of copy.items ?? []) if (typeof item.id === 'string') item.id = newId();
  return copy;
}

/** A duplicated resource center's sections, articles and announcements get new ids (its images keep theirs: article texts name them). */
export function freshResourceCenterIds(body: ResourceCenterBody): void {
  body.sections = body.sections.map((section) => freshCopy(section));
}

/** Copies each selected section or row right after itself; the copies become the selection. */
export function duplicateResourceCenterParts(flowId: string, ids: readonly string[]): void {
  const copies: string[] = [];
  changeBody('Duplicate', flowId, (body) => {
    for (const id of ids) {
      const place = locate(body, id);
      if (!place) continue;
      const section = body.sections[place.sectionIndex]!;
      if (place.rowIndex < 0) {
        if (body.sections.length >= 20) continue;
        const copy = freshCopy(section as ResourceCenterSection);
        body.sections.splice(place.sectionIndex + 1, 0, copy);
        copies.push(copy.id);
      } else {
        const rows = rowArray(section)!;
        rows.splice(place.rowIndex + 1, 0, freshCopy(rows[place.rowIndex]!));
        copies.push(rowIds(section)[place.rowIndex + 1]!);
      }
    }
  });
  if (copies.length) useUiStore.setState({ selectedItemIds: copies });
}

/** Deletes the selected sections or rows (one undo step) and selects a neighbour, so the keyboard user is not dropped. */
export function deleteResourceCenterParts(flowId: string, ids: readonly string[]): void {
  const flow = useDocumentStore.getState().project?.flows.find((candidate) => candidate.id === flowId);
  if (flow?.kind !== 'resourceCenter') return;
  const first = ids.map((id) => locate(flow.resourceCenter, id)).find((place) => place !== null);
  if (!first) return;
  const doomed = new Set(ids);
  const deletedSections = flow.resourceCenter.sections.flatMap((section, index) => (doomed.has(section.id) ? [{ section, index }] : []));
  changeBody('Delete', flowId, (body) => {
    for (const section of body.sections) {
      const rows = rowArray(section);
      const idsHere = rowIds(section);
      if (rows) for (let index = rows.length - 1; index >= 0; index--) if (doomed.has(idsHere[index]!)) rows.splice(index, 1);
    }
    body.sections = body.sections.filter((section) => !doomed.has(section.id));
  });
  const after = useDocumentStore.getState().project?.flows.find((candidate) => candidate.id === flowId);
  if (after?.kind !== 'resourceCenter') return;
  const sections = after.resourceCenter.sections;
  let next: string | undefined;
  if (first.rowIndex >= 0) {
    const section = sections.find((candidate) => candidate.id === flow.resourceCenter.sections[first.sectionIndex]!.id);
    const rows = section ? rowIds(section) : [];
    next = rows[Math.min(first.rowIndex, rows.length - 1)] ?? section?.id;
  }
  next ??= sections[Math.min(first.sectionIndex, sections.length - 1)]?.id;
  useUiStore.setState({ selectedItemIds: next ? [next] : [] });
  // A section may hold many articles: its delete is never silent, and comes back in one click.
  if (deletedSections.length) {
    const what = deletedSections.length === 1 ? `section “${deletedSections[0]!.section.title[defaultLocale()] || deletedSections[0]!.section.kind}”` : `${deletedSections.length} sections`;
    notify('info', `Deleted ${what}.`, { label: 'Undo', run: () => restoreSections(flowId, deletedSections) });
  }
}

/** Puts deleted sections back where they were, unless they are back already (Ctrl+Z), and selects them. */
function restoreSections(flowId: string, deleted: ReadonlyArray<{ section: ResourceCenterSection; index: number }>): void {
  let restored: string[] = [];
  changeBody('Restore sections', flowId, (body) => {
    restored = [];
    for (const { section, index } of deleted) {
      if (body.sections.some((candidate) => candidate.id === section.id)) continue;
      body.sections.splice(Math.min(index, body.sections.length), 0, section);
      restored.push(section.id);
    }
  });
  if (restored.length) useUiStore.setState({ selectedFlowId: flowId, selectedItemIds: restored });
}

/** Moves one section to where another is (the outline's drag and keyboard reordering). */
export function moveSection(flowId: string, activeId: string, overId: string): void {
  if (activeId === overId) return;
  changeBody('Reorder sections', flowId, (body) => {
    const from = body.sections.findIndex((section) => section.id === activeId);
    const to = body.sections.findIndex((section) => section.id === overId);
    if (from >= 0 && to >= 0) body.sections = arrayMove(body.sections, from, to);
  });
}

/** Moves one row of a section to where another row is. A moved guide keeps the selection under its new row id. */
export function moveSectionRow(flowId: string, sectionId: string, activeId: string, overId: string): void {
  if (activeId === overId) return;
  let movedTo = -1;
  changeBody('Reorder', flowId, (body) => {
    const section = body.sections.find((candidate) => candidate.id === sectionId);
    const rows = section && rowArray(section);
    if (!section || !rows) return;
    const ids = rowIds(section);
    const from = ids.indexOf(activeId);
    const to = ids.indexOf(overId);
    if (from < 0 || to < 0) return;
    const moved = arrayMove(rows, from, to);
    rows.splice(0, rows.length, ...moved);
    movedTo = to;
  });
  if (movedTo >= 0 && activeId.startsWith('guide:')) {
    const flow = useDocumentStore.getState().project?.flows.find((candidate) => candidate.id === flowId);
    const section = flow?.kind === 'resourceCenter' ? flow.resourceCenter.sections.find((candidate) => candidate.id === sectionId) : undefined;
    const id = section ? rowIds(section)[movedTo] : undefined;
    if (id && useUiStore.getState().selectedItemIds.includes(activeId)) useUiStore.setState({ selectedItemIds: [id] });
  }
}

/**
 * "+ New flow → Resource center": a page shows one resource center, so a project has one. If it
 * has one already, that one is selected and the author is told, instead of making a second.
 */
export function addResourceCenter(): string | null {
  const existing = useDocumentStore.getState().project?.flows.find((flow) => flow.kind === 'resourceCenter');
  if (!existing) return addFlow('resourceCenter');
  selectFlow(existing.id);
  notify('info', `This project has a resource center already (“${existing.name}”): it is selected. A page shows one resource center; add sections to it, each with its own pages and users.`);
  return existing.id;
}
