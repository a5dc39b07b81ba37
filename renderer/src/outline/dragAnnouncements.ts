import type { Announcements, UniqueIdentifier } from '@dnd-kit/core';
import type { Project } from '../../../shared/model/project';
import { pickText } from '../../../shared/model/localizedText';
import { sectionRows } from '../store/resourceCenterActions';
import { useDocumentStore } from '../store/documentStore';

/** "flow “Quarterly NPS”", "step 2: About Invoices", "item 1: Invite a teammate": what a sortable id stands for. */
export function sortableName(project: Project | null, id: UniqueIdentifier): string {
  if (!project) return 'item';
  const { defaultLocale } = project.locales;
  const text = (value: Record<string, string>) => pickText(value, defaultLocale, defaultLocale);
  for (const flow of project.flows) {
    if (flow.id === id) return `flow “${flow.name}”`;
    if (flow.kind === 'tour') {
      const index = flow.tour.steps.findIndex((step) => step.id === id);
      if (index >= 0) return `step ${index + 1}: ${text(flow.tour.steps[index]!.title) || 'untitled'}`;
    }
    if (flow.kind === 'checklist') {
      const index = flow.checklist.items.findIndex((item) => item.id === id);
      if (index >= 0) return `item ${index + 1}: ${text(flow.checklist.items[index]!.label) || 'unnamed'}`;
    }
    if (flow.kind === 'resourceCenter') {
      for (const [sectionIndex, section] of flow.resourceCenter.sections.entries()) {
        if (section.id === id) return `section ${sectionIndex + 1}: ${text(section.title) || section.kind}`;
        const rows = sectionRows(section) ?? [];
        const index = rows.findIndex((row) => row.id === id);
        const row = rows[index];
        if (row) return `${row.kind} ${index + 1}: ${text(row.kind === 'article' ? row.article.title : row.kind === 'announcement' ? row.announcement.title : row.guide.title) || 'untitled'}`;
      }
    }
  }
  return 'item';
}

const nameOf = (id: UniqueIdentifier) => sortableName(useDocumentStore.getState().project, id);

/** dnd-kit's screen reader announcements with the names authors gave, never raw ids. */
export const dragAnnouncements: Announcements = {
  onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}.`,
  onDragOver: ({ active, over }) => (over ? `${nameOf(active.id)} was moved over ${nameOf(over.id)}.` : `${nameOf(active.id)} is no longer over a place in the list.`),
  onDragEnd: ({ active, over }) => (over ? `${nameOf(active.id)} was dropped over ${nameOf(over.id)}.` : `${nameOf(active.id)} was dropped.`),
  onDragCancel: ({ active }) => `Moving was cancelled. ${nameOf(active.id)} was dropped back in its place.`,
};
