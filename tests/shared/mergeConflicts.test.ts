import { describe, expect, it } from 'vitest';
import { findMergeConflict } from '../../shared/project/mergeConflicts';

const ours = ['{', '  "flow": {', '    "id": "tour_1",', '    "name": "Tour by Ben"', '  },', '  "order": "a1"', '}'];
const theirs = ['{', '  "flow": {', '    "id": "tour_1",', '    "name": "Tour by Ana"', '  },', '  "order": "a1"', '}'];

describe('git conflict markers', () => {
  it('finds the first conflict’s line, the labels of both sides, and each side as a whole file', () => {
    const text = ['{', '  "flow": {', '    "id": "tour_1",', '<<<<<<< HEAD', '    "name": "Tour by Ben"', '=======', '    "name": "Tour by Ana"', '>>>>>>> ana', '  },', '  "order": "a1"', '}', ''].join('\n');
    const conflict = findMergeConflict(text);
    expect(conflict).toMatchObject({ line: 4, count: 1, oursLabel: 'HEAD', theirsLabel: 'ana' });
    expect(JSON.parse(conflict!.ours)).toEqual(JSON.parse(ours.join('\n')));
    expect(JSON.parse(conflict!.theirs)).toEqual(JSON.parse(theirs.join('\n')));
  });

  it('leaves out the common base of the diff3 and zdiff3 styles', () => {
    const text = ['{', '  "flow": {', '    "id": "tour_1",', '<<<<<<< HEAD', '    "name": "Tour by Ben"', '||||||| 1c2d3e4', '    "name": "Tour"', '=======', '    "name": "Tour by Ana"', '>>>>>>> ana', '  },', '  "order": "a1"', '}'].join('\n');
    const conflict = findMergeConflict(text)!;
    expect(conflict).toMatchObject({ line: 4, count: 1, oursLabel: 'HEAD', theirsLabel: 'ana' });
    expect(conflict.ours).toBe(ours.join('\n'));
    expect(conflict.theirs).toBe(theirs.join('\n'));
    // A base marker without a label (git merge-file --diff3 with no names).
    expect(findMergeConflict(text.replace('||||||| 1c2d3e4', '|||||||'))!.theirs).toBe(theirs.join('\n'));
  });

  it('reads files with Windows line ends (core.autocrlf): markers, labels and sides without the carriage returns', () => {
    const text = ['{', '  "flow": {', '    "id": "tour_1",', '<<<<<<< HEAD', '    "name": "Tour by Ben"', '=======', '    "name": "Tour by Ana"', '>>>>>>> feature/ana', '  },', '  "order": "a1"', '}', ''].join('\r\n');
    const conflict = findMergeConflict(text)!;
    expect(conflict).toMatchObject({ line: 4, count: 1, oursLabel: 'HEAD', theirsLabel: 'feature/ana' });
    expect(conflict.ours).not.toContain('\r');
    expect(JSON.parse(conflict.theirs)).toEqual(JSON.parse(theirs.join('\n')));
  });

  it('counts every conflicted place and keeps each side consistent across them', () => {
    const text = [
      '{',
      '<<<<<<< HEAD',
      '  "name": "B",',
      '=======',
      '  "name": "A",',
      '>>>>>>> ana',
      '  "steps": 2,',
      '<<<<<<< HEAD',
      '  "theme": "dark"',
      '=======',
      '  "theme": "light"',
      '>>>>>>> ana',
      '}',
    ].join('\n');
    const conflict = findMergeConflict(text)!;
    expect(conflict).toMatchObject({ line: 2, count: 2 });
    expect(JSON.parse(conflict.ours)).toEqual({ name: 'B', steps: 2, theme: 'dark' });
    expect(JSON.parse(conflict.theirs)).toEqual({ name: 'A', steps: 2, theme: 'light' });
  });

  it('a set cut off before its end marker is still a conflict (the file cannot be read either way)', () => {
    expect(findMergeConflict('{\n<<<<<<< HEAD\n  "a": 1\n=======\n  "a": 2\n}')).toMatchObject({ line: 2, count: 1, theirsLabel: '' });
  });

  it('is not fooled by text that only looks like markers: inside a JSON string, indented, or longer than seven', () => {
    expect(findMergeConflict('{\n  "flow": { "name": "<<<<<<< HEAD" }\n}')).toBeNull();
    expect(findMergeConflict('{\n  "body": "=======\\n>>>>>>> x"\n}')).toBeNull();
    expect(findMergeConflict('{\n <<<<<<< HEAD\n}')).toBeNull();
    expect(findMergeConflict('<<<<<<<< HEAD\n')).toBeNull();
    expect(findMergeConflict('{}')).toBeNull();
  });
});
