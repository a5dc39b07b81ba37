/**
 * Problems found before export. Errors block export (the flow would not work as authored);
 * warnings are worth a look but export goes ahead. Each says where, so the editor can select it.
 */
export interface LintProblem {
  severity: 'error' | 'warning';
  code:
    | 'noAnchor'
    | 'emptyText'
    | 'untranslated'
    | 'missingFlow'
    | 'ambiguousSelector'
    | 'fragileSelector'
    | 'wrongElement'
    | 'elementGone'
    | 'noFingerprint'
    | 'anchorMoved'
    | 'lowContrast'
    | 'offScreen'
    | 'urlNeverMatches'
    | 'slowRegex'
    | 'noContact'
    | 'emptySection'
    | 'missingImage'
    | 'imageTooLarge'
    | 'unusedImage'
    | 'missingArticle';
  message: string;
  flowId?: string;
  /** A tour step, checklist item, or a resource center's section, article or image. */
  itemId?: string;
  /** The parts of a summary line ("Hebrew 2 of 12 texts translated": each untranslated text), shown when it is expanded. */
  details?: { message: string; itemId?: string }[];
  /** A change that solves it, applied to the anchor of the flow's step (itemId) or hotspot (no itemId) in one click. */
  fix?: LintFix;
}

/**
 * `useSelector`: make this selector of the element picked (`elementId` on the anchor's screen map)
 * the anchor's first, keeping the others as fallbacks (`fixedSelectors`). `copyFingerprint`: give
 * the anchor that element's fingerprint. `repick`: anchor to that element afresh, as a click on
 * it would (its element moved on a new capture of the screen).
 */
export type LintFix =
  | { kind: 'useSelector'; selector: string; elementId: string }
  | { kind: 'copyFingerprint'; elementId: string }
  | { kind: 'repick'; elementId: string };
