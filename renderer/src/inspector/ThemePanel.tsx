import { contrastRatio, themeContrastProblems } from '../../../shared/bundle/contrast';
import type { Theme } from '../../../shared/model/theme';
import { useDocumentStore } from '../store/documentStore';
import { ColorField, NumberField, Section, SelectField } from './fields';

const FONTS = [
  ['system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', 'System (the visitor’s UI font)'],
  ['Inter, system-ui, sans-serif', 'Inter'],
  ['Helvetica, Arial, sans-serif', 'Helvetica / Arial'],
  ['Georgia, "Times New Roman", serif', 'Georgia (serif)'],
  ['inherit', 'Same as the page'],
] as const;

function editTheme(recipe: (theme: Theme) => void, key?: string): void {
  useDocumentStore.getState().change('Edit theme', (draft) => recipe(draft.theme), key && `theme/${key}`);
}

/** The brand look of every flow, applied live on the canvas, with a warning where text is hard to read. */
export function ThemePanel() {
  const theme = useDocumentStore((state) => state.project?.theme);
  if (!theme) return null;
  const problems = themeContrastProblems(theme);
  const known = FONTS.some(([value]) => value === theme.fontFamily);
  return (
    <Section title="Theme">
      <ColorField label="Brand colour" value={theme.brandColor} onChange={(value) => editTheme((draft) => void (draft.brandColor = value), 'brand')} />
      <ColorField label="Text colour" value={theme.textColor} onChange={(value) => editTheme((draft) => void (draft.textColor = value), 'text')} />
      <ColorField label="Background colour" value={theme.backgroundColor} onChange={(value) => editTheme((draft) => void (draft.backgroundColor = value), 'background')} />
      {problems.length ? (
        <div className="warning" role="status" aria-label="Contrast warning">
          {problems.map((problem) => (
            <p key={problem.what}>
              {problem.what}: contrast {problem.ratio.toFixed(2)}:1 is below WCAG AA (4.5:1), so some users cannot read it.
            </p>
          ))}
        </div>
      ) : (
        <p className="muted small">Text contrast {contrastRatio(theme.textColor, theme.backgroundColor).toFixed(1)}:1 meets WCAG AA.</p>
      )}
      <SelectField label="Font" value={known ? theme.fontFamily : 'custom'} options={[...FONTS, ...(known ? [] : [['custom', theme.fontFamily] as const])]} onChange={(value) => value !== 'custom' && editTheme((draft) => void (draft.fontFamily = value))} />
      <div className="field-row">
        <NumberField label="Corner radius" unit="px" min={0} max={32} value={theme.radius} onChange={(value) => editTheme((draft) => void (draft.radius = value), 'radius')} />
        <SelectField label="Shadow" value={theme.shadow} options={[['none', 'None'], ['soft', 'Soft'], ['strong', 'Strong']]} onChange={(value) => editTheme((draft) => void (draft.shadow = value))} />
      </div>
    </Section>
  );
}
