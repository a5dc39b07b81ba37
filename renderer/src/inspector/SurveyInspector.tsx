import type { FlowOf } from '../../../shared/model/flow';
import { updateFlow } from '../store/flowActions';
import { LocalizedTextField, Section, SelectField } from './fields';

type Body = FlowOf<'survey'>['survey'];
const BANDS = [
  ['detractor', 'Follow-up for 0–6 (detractors)'],
  ['passive', 'Follow-up for 7–8 (passives)'],
  ['promoter', 'Follow-up for 9–10 (promoters)'],
] as const;

/** An NPS survey: the question, the scale's labels, a follow-up per band, the thanks. */
export function SurveyInspector({ flow }: { flow: FlowOf<'survey'> }) {
  const { survey } = flow;
  const edit = (recipe: (draft: Body) => void, key?: string) => updateFlow<'survey'>(flow.id, (draft) => recipe(draft.survey as Body), key);
  const text = (field: 'question' | 'lowLabel' | 'highLabel' | 'thankYou') => (value: string, locale: string) => edit((draft) => void (draft[field][locale] = value), `${field}/${locale}`);
  return (
    <Section title="NPS survey">
      <LocalizedTextField label="Question" value={survey.question} onChange={text('question')} multiline />
      <div className="field-row">
        <LocalizedTextField label="Label under 0" value={survey.lowLabel} onChange={text('lowLabel')} />
        <LocalizedTextField label="Label under 10" value={survey.highLabel} onChange={text('highLabel')} />
      </div>
      {BANDS.map(([band, label]) => (
        <LocalizedTextField key={band} label={label} value={survey.followUps[band]} onChange={(value, locale) => edit((draft) => void (draft.followUps[band][locale] = value), `${band}/${locale}`)} hint="Leave empty to skip the follow-up." />
      ))}
      <LocalizedTextField label="Thank-you message" value={survey.thankYou} onChange={text('thankYou')} />
      <SelectField label="Position" value={survey.position} options={[['bottom-right', 'Bottom right'], ['bottom-left', 'Bottom left'], ['center', 'Centre']]} onChange={(position) => edit((draft) => void (draft.position = position))} />
    </Section>
  );
}
