// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../shared/bundle/buildBundle';
import { demoBundle } from '../fixtures/demoProject';
import { resourceCenterBundle, resourceCenterProject } from '../fixtures/resourceCenterProject';
import { createPlayer } from '../../player/src/createPlayer';
import { createMemoryStorage } from '../../player/src/frequency';

/** The player as released before bundle format 3 (tests/fixtures/oldPlayer/README.md), as a page's <script> loads it. */
function oldPlayer(): { createPlayer(options: object): { destroy(): void } } {
  const source = readFileSync(join(process.cwd(), 'tests/fixtures/oldPlayer/stepwise-player-v2.iife.js'), 'utf8');
  return new Function(`${source}; return Stepwise;`)() as ReturnType<typeof oldPlayer>;
}

describe('bundle format 3 (the resource center)', () => {
  it('a player from before it refuses a bundle with a resource center as made by a newer Stepwise', () => {
    const bundle = resourceCenterBundle();
    expect(bundle.version).toBe(3);
    expect(() => oldPlayer().createPlayer({ bundle, storage: createMemoryStorage(), autoStart: false })).toThrow(
      'Stepwise: the bundle at $.version is 3: the bundle was made by a newer Stepwise, and this player reads bundle versions up to 2. Update @stepwise/player.',
    );
  });

  it('the same old player still plays what Stepwise exports without a resource center (version 2)', () => {
    const bundle = demoBundle();
    expect(bundle.version).toBe(2);
    oldPlayer().createPlayer({ bundle, storage: createMemoryStorage(), autoStart: false }).destroy();
  });

  it('this player plays version 2 and 3 bundles', () => {
    createPlayer({ bundle: demoBundle(), autoStart: false }).destroy();
    createPlayer({ bundle: resourceCenterBundle(), autoStart: false }).destroy();
    expect(buildBundle(resourceCenterProject(), { imageData: () => 'AAAA' }).version).toBe(3);
  });
});
