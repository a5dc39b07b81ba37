import type { FlowOf } from '../../../shared/model/flow';
import type { Announcement, ResourceCenterSection } from '../../../shared/model/resourceCenter';
import { CheckedTextField, LocalizedTextField, Section } from '../inspector/fields';
import { MARKDOWN_HINT } from '../inspector/options';
import { updateAnnouncement } from '../store/resourceCenterActions';
import { ProblemNotes } from './resourceCenterProblems';

type Announcements = Extract<ResourceCenterSection, { kind: 'announcements' }>;

function dateProblem(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'Enter a date like 2026-03-01 (year-month-day).';
  const day = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value ? `There is no day ${value}.` : null;
}

/** A “what’s new” entry: its day, title and text. */
export function AnnouncementInspector({ flow, section, announcement }: { flow: FlowOf<'resourceCenter'>; section: Announcements; announcement: Announcement }) {
  const index = section.items.findIndex((item) => item.id === announcement.id);
  const edit = (recipe: Parameters<typeof updateAnnouncement>[2], key?: string) => updateAnnouncement(flow.id, announcement.id, recipe, key);
  return (
    <Section title={`Announcement ${index + 1} of ${section.items.length}`}>
      <ProblemNotes ids={[section.id, announcement.id]} label="Problems of this section" />
      <CheckedTextField label="Date" value={announcement.date} placeholder="2026-03-01" hint="Shown with it; the panel lists the newest first." problem={dateProblem} onCommit={(date) => edit((draft) => void (draft.date = date), 'date')} />
      <LocalizedTextField label="Title" value={announcement.title} placeholder="e.g. Invoices now in 30 currencies" onChange={(value, locale) => edit((draft) => void (draft.title[locale] = value), `title/${locale}`)} />
      <LocalizedTextField label="Text" value={announcement.body} multiline hint={MARKDOWN_HINT} onChange={(value, locale) => edit((draft) => void (draft.body[locale] = value), `body/${locale}`)} />
    </Section>
  );
}
