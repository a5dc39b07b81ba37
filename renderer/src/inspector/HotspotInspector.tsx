import type { FlowOf } from '../../../shared/model/flow';
import { updateFlow } from '../store/flowActions';
import { useDocumentStore } from '../store/documentStore';
import { AnchorField } from './AnchorField';
import { CheckboxField, ColorField, LocalizedTextField, NumberField, Section, SelectField } from './fields';
import { MARKDOWN_HINT, PLACEMENTS } from './options';

/** A hotspot: its anchor, its beacon, and the tooltip it opens. */
export function HotspotInspector({ flow }: { flow: FlowOf<'hotspot'> }) {
  const brand = useDocumentStore((state) => state.project?.theme.brandColor ?? '#4f46e5');
  const { hotspot } = flow;
  const edit = (recipe: (draft: FlowOf<'hotspot'>['hotspot']) => void, key?: string) => updateFlow<'hotspot'>(flow.id, (draft) => recipe(draft.hotspot as FlowOf<'hotspot'>['hotspot']), key);
  return (
    <>
      <Section title="Hotspot">
        <AnchorField flowId={flow.id} itemId={null} anchor={hotspot.anchor} onClear={() => edit((draft) => void delete draft.anchor)} />
        <LocalizedTextField label="Title" value={hotspot.title} placeholder="e.g. New here?" onChange={(value, locale) => edit((draft) => void (draft.title[locale] = value), `title/${locale}`)} />
        <LocalizedTextField label="Body" value={hotspot.body} placeholder="e.g. Export your invoices from here." multiline hint={MARKDOWN_HINT} onChange={(value, locale) => edit((draft) => void (draft.body[locale] = value), `body/${locale}`)} />
        <div className="field-row">
          <SelectField label="Opens on" value={hotspot.openOn} options={[['click', 'Click'], ['hover', 'Hover']]} onChange={(openOn) => edit((draft) => void (draft.openOn = openOn))} />
          <SelectField label="Tooltip placement" value={hotspot.placement} options={PLACEMENTS} onChange={(placement) => edit((draft) => void (draft.placement = placement))} />
        </div>
      </Section>
      <Section title="Beacon">
        <ColorField label="Colour" value={hotspot.beacon.color ?? brand} onChange={(color) => edit((draft) => void (draft.beacon.color = color), 'beaconColor')} />
        {hotspot.beacon.color ? (
          <button type="button" className="button small subtle" onClick={() => edit((draft) => void delete draft.beacon.color)}>
            Use the brand colour
          </button>
        ) : null}
        <NumberField label="Size" unit="px" min={8} max={48} value={hotspot.beacon.size} onChange={(size) => edit((draft) => void (draft.beacon.size = size), 'beaconSize')} />
        <CheckboxField label="Pulse" checked={hotspot.beacon.pulse} onChange={(pulse) => edit((draft) => void (draft.beacon.pulse = pulse))} />
        <div className="field-row">
          <NumberField label="Offset x" unit="px" min={-500} max={500} value={hotspot.beacon.offset.x} onChange={(x) => edit((draft) => void (draft.beacon.offset.x = x), 'offset')} />
          <NumberField label="Offset y" unit="px" min={-500} max={500} value={hotspot.beacon.offset.y} onChange={(y) => edit((draft) => void (draft.beacon.offset.y = y), 'offset')} />
        </div>
        <p className="muted small">Drag the beacon on the canvas, or nudge it with the arrow keys (Shift: 10 px).</p>
      </Section>
    </>
  );
}
