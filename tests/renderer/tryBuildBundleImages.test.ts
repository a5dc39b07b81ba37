import { describe, expect, it } from 'vitest';
import { tryBuildBundle } from '../../renderer/src/preview/tryBuildBundle';
import { resourceCenterProject, TINY_PNG_BASE64, TINY_PNG_FILE } from '../fixtures/resourceCenterProject';

describe('tryBuildBundle with article images', () => {
  it('inlines what imageData reads', () => {
    const built = tryBuildBundle(resourceCenterProject(), { imageData: (file) => (file === TINY_PNG_FILE ? TINY_PNG_BASE64 : undefined) });
    expect(built.ok && built.bundle.flows.find((flow) => flow.id === 'help_center')).toMatchObject({ resourceCenter: { images: [{ id: 'img_settings', src: `data:image/png;base64,${TINY_PNG_BASE64}` }] } });
  });

  it('a file that could not be read is a problem at the image, naming the file and the article that shows it, not a throw', () => {
    const project = resourceCenterProject();
    expect(tryBuildBundle(project, { imageData: () => undefined })).toEqual({
      ok: false,
      problems: [
        {
          path: `$.flows[${project.flows.findIndex((flow) => flow.id === 'help_center')}].resourceCenter.images[0]`,
          message: `“Help center”: the article image images/${TINY_PNG_FILE} could not be read from the project folder; add the image again or remove it. It is shown in the article “Download an invoice”.`,
        },
      ],
    });
  });
});
