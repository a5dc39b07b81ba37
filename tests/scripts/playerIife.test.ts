import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playerIife } from '../../scripts/buildTimeTexts.mjs';

describe('the player built into the standalone preview', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-player-iife-'));

  it('fails the build, saying to build the player first, when the player is not built', () => {
    const missing = join(dir, 'stepwise-player.iife.js');
    expect(() => playerIife(missing)).toThrow(`The player is not built: ${missing} is missing. Run "npm run build:player" first`);
  });

  it('fails the build when the built file is empty', () => {
    const empty = join(dir, 'empty.iife.js');
    writeFileSync(empty, '\n');
    expect(() => playerIife(empty)).toThrow(/is empty\. Run "npm run build:player" first/);
  });

  it('is the built file', () => {
    const built = join(dir, 'built.iife.js');
    writeFileSync(built, 'var StepwisePlayer=(()=>{})();');
    expect(playerIife(built)).toBe('var StepwisePlayer=(()=>{})();');
  });
});
