/**
 * Git's conflict markers in a file a merge could not finish:
 *   <<<<<<< HEAD            (ours)
 *   ...
 *   ||||||| base            (only with merge.conflictStyle diff3 / zdiff3)
 *   ...
 *   =======
 *   ...
 *   >>>>>>> their-branch    (theirs)
 */
export interface MergeConflict {
  /** 1-based line of the first "<<<<<<<". */
  line: number;
  /** How many conflicted places the file has. */
  count: number;
  oursLabel: string;
  theirsLabel: string;
  /** The whole file with every conflict resolved to one side, to read what each side says. */
  ours: string;
  theirs: string;
}

const START = /^<{7}(?: (.*))?$/;
const BASE = /^\|{7}(?: .*)?$/;
const MIDDLE = /^={7}$/;
const END = /^>{7}(?: (.*))?$/;

/** The file's conflicts, or null when it has none. */
export function findMergeConflict(text: string): MergeConflict | null {
  if (!text.includes('<<<<<<<')) return null;
  const lines = text.split(/\r?\n/);
  const ours: string[] = [];
  const theirs: string[] = [];
  let state: 'outside' | 'ours' | 'base' | 'theirs' = 'outside';
  let first = 0;
  let count = 0;
  let oursLabel = '';
  let theirsLabel = '';
  lines.forEach((line, index) => {
    if (state === 'outside') {
      const start = START.exec(line);
      if (start) {
        state = 'ours';
        count++;
        if (count === 1) {
          first = index + 1;
          oursLabel = start[1]?.trim() ?? '';
        }
        return;
      }
      ours.push(line);
      theirs.push(line);
    } else if (state === 'ours') {
      if (BASE.test(line)) state = 'base';
      else if (MIDDLE.test(line)) state = 'theirs';
      else ours.push(line);
    } else if (state === 'base') {
      if (MIDDLE.test(line)) state = 'theirs';
    } else {
      const end = END.exec(line);
      if (end) {
        state = 'outside';
        if (count === 1) theirsLabel = end[1]?.trim() ?? '';
      } else theirs.push(line);
    }
  });
  // An unfinished set (no ">>>>>>>") is still a conflict: the file cannot be read either way.
  if (count === 0) return null;
  return { line: first, count, oursLabel, theirsLabel, ours: ours.join('\n'), theirs: theirs.join('\n') };
}
