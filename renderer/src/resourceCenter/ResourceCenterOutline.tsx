import { memo, useState } from 'react';
import type { FlowOf } from '../../../shared/model/flow';
import { pickText } from '../../../shared/model/localizedText';
import type { ResourceCenterSection } from '../../../shared/model/resourceCenter';
import { selectWithModifiers } from '../outline/ItemList';
import { DragHandle, SortableList, useSortableRow } from '../outline/sortable';
import { useDocumentStore } from '../store/documentStore';
import { addSection, addSectionRow, deleteResourceCenterParts, duplicateResourceCenterParts, guideTargets, moveSection, moveSectionRow, sectionRows, type SectionRow } from '../store/resourceCenterActions';
import { useUiStore } from '../store/uiStore';
import { RowAction } from '../ui/RowAction';
import { ProblemBadge, ResourceCenterProblems } from './resourceCenterProblems';
import { rowNoun, SECTION_KINDS, sectionKindLabel } from './sectionNames';
import './resourceCenter.css';

type RcFlow = FlowOf<'resourceCenter'>;

function rowLabel(row: SectionRow, locale: string): { label: string; detail: string } {
  const t = (value: Record<string, string>) => pickText(value, locale, locale);
  if (row.kind === 'article') return { label: t(row.article.title) || '(untitled article)', detail: `${t(row.article.body).length} characters` };
  if (row.kind === 'announcement') return { label: t(row.announcement.title) || '(untitled announcement)', detail: row.announcement.date };
  const flow = useDocumentStore.getState().project?.flows.find((candidate) => candidate.id === row.guide.flowId);
  return { label: t(row.guide.title) || flow?.name || '(untitled guide)', detail: flow ? `Starts “${flow.name}”` : 'Starts a deleted flow' };
}

function sectionDetail(section: ResourceCenterSection, all: readonly ResourceCenterSection[]): string {
  if (section.kind === 'search') {
    const articles = all.reduce((count, other) => count + (other.kind === 'articles' ? other.articles.length : 0), 0);
    const guides = all.reduce((count, other) => count + (other.kind === 'guides' ? other.items.length : 0), 0);
    return `Search · over ${articles} article${articles === 1 ? '' : 's'}, ${guides} guide${guides === 1 ? '' : 's'}`;
  }
  const rows = sectionRows(section);
  const noun = rowNoun(section.kind);
  const count = rows && noun ? ` · ${rows.length} ${noun}${rows.length === 1 ? '' : 's'}` : '';
  const targeted = section.targeting.urls.length || section.targeting.users.length ? ' · targeted' : '';
  return `${sectionKindLabel(section.kind)}${count}${targeted}`;
}

const select = (flowId: string, id: string | null) => useUiStore.setState({ selectedFlowId: flowId, selectedItemIds: id ? [id] : [], selectedElementId: null });

const RowOfSection = memo(function RowOfSection({ flowId, row, index, noun, locale, selected, rowIds }: { flowId: string; row: SectionRow; index: number; noun: string; locale: string; selected: boolean; rowIds: string }) {
  const { rowRef, rowStyle, handleProps, isDragging } = useSortableRow(row.id);
  const { label, detail } = rowLabel(row, locale);
  return (
    <li ref={rowRef} style={rowStyle} className={`item-row${selected ? ' selected' : ''}${isDragging ? ' dragging' : ''}`}>
      <DragHandle label={`Reorder ${noun} ${index + 1}: ${label}`} props={handleProps} />
      <button
        type="button"
        className="item-row-main"
        aria-pressed={selected}
        onClick={(event) => useUiStore.setState({ selectedFlowId: flowId, selectedItemIds: selectWithModifiers(rowIds.split('\n'), row.id, event), selectedElementId: null })}
      >
        <span className="item-index">{index + 1}</span>
        <span className="item-text">
          <span className="item-label">{label}</span>
          <span className="item-detail">{detail}</span>
        </span>
        <ProblemBadge ids={[row.id]} />
      </button>
      <span className="row-actions">
        <RowAction icon="copy" label={`Duplicate ${noun} ${index + 1}`} title="Duplicate (Ctrl/Cmd+D)" size={14} onClick={() => duplicateResourceCenterParts(flowId, [row.id])} />
        <RowAction icon="trash" label={`Delete ${noun} ${index + 1}`} title="Delete (Ctrl/Cmd+Z brings it back)" danger size={14} onClick={() => deleteResourceCenterParts(flowId, [row.id])} />
      </span>
    </li>
  );
});

function SectionRows({ flowId, section, locale, selectedIds }: { flowId: string; section: ResourceCenterSection; locale: string; selectedIds: string[] }) {
  const rows = sectionRows(section);
  const noun = rowNoun(section.kind);
  const canAddGuide = useDocumentStore((state) => guideTargets(state.project?.flows ?? []).length > 0);
  if (!rows || !noun) return null;
  const title = pickText(section.title, locale, locale) || sectionKindLabel(section.kind);
  // One string, so a row re-renders only when the list of rows changed (ids hold no line breaks).
  const rowIds = rows.map((row) => row.id).join('\n');
  const disabled = section.kind === 'guides' && !canAddGuide;
  return (
    <div className="item-list-wrap">
      <SortableList ids={rows.map((row) => row.id)} label={`${noun}s`} onMove={(active, over) => moveSectionRow(flowId, section.id, active, over)}>
        <ol className="item-list" aria-label={`${title} ${noun}s`}>
          {rows.map((row, index) => (
            <RowOfSection key={row.id} flowId={flowId} row={row} index={index} noun={noun} locale={locale} selected={selectedIds.includes(row.id)} rowIds={rowIds} />
          ))}
        </ol>
      </SortableList>
      <button type="button" className="button small subtle add-item" disabled={disabled} title={disabled ? 'Add a tour or checklist to the project first: a guide starts one.' : undefined} onClick={() => addSectionRow(flowId, section.id)}>
        + Add {noun}
      </button>
    </div>
  );
}

const SectionEntry = memo(function SectionEntry({ flowId, section, sections, index, locale, selectedIds }: { flowId: string; section: ResourceCenterSection; sections: readonly ResourceCenterSection[]; index: number; locale: string; selectedIds: string[] }) {
  const { rowRef, rowStyle, handleProps, isDragging } = useSortableRow(section.id);
  const rowIds = sectionRows(section)?.map((row) => row.id) ?? [];
  const selected = selectedIds.includes(section.id);
  const open = selected || rowIds.some((id) => selectedIds.includes(id));
  const label = pickText(section.title, locale, locale) || sectionKindLabel(section.kind);
  return (
    <li ref={rowRef} style={rowStyle} className={`rc-section-entry${isDragging ? ' dragging' : ''}`}>
      <div className={`item-row rc-section-row${selected ? ' selected' : ''}`}>
        <DragHandle label={`Reorder section ${index + 1}: ${label}`} props={handleProps} />
        <button type="button" className="item-row-main" aria-pressed={selected} aria-expanded={sectionRows(section) ? open : undefined} onClick={() => select(flowId, section.id)}>
          <span className="item-index">{index + 1}</span>
          <span className="item-text">
            <span className="item-label">{label}</span>
            <span className="item-detail">{sectionDetail(section, sections)}</span>
          </span>
          <ProblemBadge ids={[section.id]} />
        </button>
        <span className="row-actions">
          <RowAction icon="copy" label={`Duplicate section ${index + 1}`} title="Duplicate (Ctrl/Cmd+D)" size={14} onClick={() => duplicateResourceCenterParts(flowId, [section.id])} />
          <RowAction icon="trash" label={`Delete section ${index + 1}`} title="Delete (Ctrl/Cmd+Z brings it back)" danger size={14} onClick={() => deleteResourceCenterParts(flowId, [section.id])} />
        </span>
      </div>
      {open ? <SectionRows flowId={flowId} section={section} locale={locale} selectedIds={selectedIds} /> : null}
    </li>
  );
});

function AddSectionMenu({ flowId, full }: { flowId: string; full: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="menu-anchor">
      <button type="button" className="button small subtle add-item" aria-haspopup="menu" aria-expanded={open} disabled={full} title={full ? 'A resource center holds at most 20 sections.' : undefined} onClick={() => setOpen((value) => !value)}>
        + Add section
      </button>
      {open ? (
        <div className="menu" role="menu" aria-label="Section kinds" onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}>
          {SECTION_KINDS.map(({ kind, label, hint }) => (
            <button
              key={kind}
              type="button"
              role="menuitem"
              className="menu-item rc-kind-item"
              onClick={() => {
                setOpen(false);
                addSection(flowId, kind);
              }}
            >
              <span>{label}</span>
              <span className="muted small">{hint}</span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}

/** Under the selected resource center in the outline: its launcher and panel, its sections, and the selected section's articles, guides or announcements. */
export function ResourceCenterOutline({ flow, locale }: { flow: RcFlow; locale: string }) {
  const selectedIds = useUiStore((state) => state.selectedItemIds);
  const sections = flow.resourceCenter.sections;
  return (
    <ResourceCenterProblems flowId={flow.id}>
      <div className="item-list-wrap rc-outline">
        {/* Not "selected" for the Delete key: nothing of the flow is selected here, and Delete must not take the whole resource center. */}
        <div className={`item-row${selectedIds.length === 0 ? ' rc-current' : ''}`}>
          <button type="button" className="item-row-main rc-launcher-row" aria-pressed={selectedIds.length === 0} onClick={() => select(flow.id, null)}>
            <span className="item-text">
              <span className="item-label">Launcher and panel</span>
              <span className="item-detail">Button, texts, pages and users</span>
            </span>
            <ProblemBadge ids={['']} />
          </button>
        </div>
        <SortableList ids={sections.map((section) => section.id)} label="sections" onMove={(active, over) => moveSection(flow.id, active, over)}>
          <ol className="item-list" aria-label={`${flow.name} sections`}>
            {sections.map((section, index) => (
              <SectionEntry key={section.id} flowId={flow.id} section={section} sections={sections} index={index} locale={locale} selectedIds={selectedIds} />
            ))}
          </ol>
        </SortableList>
        <AddSectionMenu flowId={flow.id} full={sections.length >= 20} />
      </div>
    </ResourceCenterProblems>
  );
}
