// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { BuilderApiError } from '../../shared/api/apiError';
import { createBuilderClient } from '../../shared/api/client';
import type { FlowOf } from '../../shared/model/flow';
import { MAX_ARTICLE_IMAGE_BYTES } from '../../shared/model/resourceCenter';
import { encodeUnderCap, insertArticleCrop, type CropType, type EncodeCrop } from '../../renderer/src/canvas/articleImageCrop';
import { addArticleImage } from '../../renderer/src/store/articleImages';
import { breakUndoMerge, undo, useDocumentStore } from '../../renderer/src/store/documentStore';
import { useUiStore } from '../../renderer/src/store/uiStore';
import { resourceCenterProject } from '../fixtures/resourceCenterProject';

const center = () => useDocumentStore.getState().project!.flows.find((flow) => flow.id === 'help_center') as FlowOf<'resourceCenter'>;
const article = (id: string) => center().resourceCenter.sections.flatMap((section) => (section.kind === 'articles' ? section.articles : [])).find((candidate) => candidate.id === id)!;
const target = { flowId: 'help_center', articleId: 'art_password' };
const FILE = `${'b'.repeat(64)}.png`;

beforeEach(() => {
  useDocumentStore.getState().load(resourceCenterProject());
  useUiStore.setState({ articleImageCrop: target });
  breakUndoMerge();
});

/** An encoder whose sizes follow the area: PNG 3 bytes a pixel, WebP 1, JPEG 0.8; records what was asked. */
function fakeEncoder(width: number, height: number, asked: [number, CropType][] = []): EncodeCrop {
  const perPixel: Record<CropType, number> = { 'image/png': 3, 'image/webp': 1, 'image/jpeg': 0.8 };
  return async (scale, type) => {
    asked.push([scale, type]);
    return new Blob([new Uint8Array(Math.round(width * scale * height * scale * perPixel[type]))], { type });
  };
}

describe('a crop becomes an article image', () => {
  it('appends the image and its line to the article in the editing language, as one undo step, and leaves crop mode', () => {
    const imageId = addArticleImage(target, { file: FILE, bytes: 5_000 }, 'he');
    expect(center().resourceCenter.images.at(-1)).toEqual({ id: imageId, file: FILE, bytes: 5_000, alt: {} });
    expect(article('art_password').body.he).toBe(`בחרו **שכחתי סיסמה** בדף הכניסה.\n\n![](image:${imageId})`);
    expect(article('art_password').body.en).toBe('Choose **Forgot password** on the sign-in page; the link is valid for an hour.');
    expect(useUiStore.getState().articleImageCrop).toBeNull();
    undo();
    expect(center().resourceCenter.images.map((image) => image.id)).toEqual(['img_settings']);
    expect(article('art_password').body.he).toBe('בחרו **שכחתי סיסמה** בדף הכניסה.');
  });

  it('starts an empty body with the image line, and reuses the image entry for the same file', () => {
    const first = addArticleImage(target, { file: FILE, bytes: 5_000 }, 'de');
    const second = addArticleImage({ flowId: 'help_center', articleId: 'art_invite' }, { file: FILE, bytes: 5_000 }, 'en');
    expect(article('art_password').body.de).toBe(`![](image:${first})`);
    expect(second).toBe(first);
    expect(center().resourceCenter.images.filter((image) => image.file === FILE)).toHaveLength(1);
    expect(article('art_invite').body.en!.endsWith(`seat.\n\n![](image:${first})`)).toBe(true);
  });

  it('changes nothing when the article was deleted meanwhile', () => {
    const before = useDocumentStore.getState().project;
    expect(addArticleImage({ flowId: 'help_center', articleId: 'gone' }, { file: FILE, bytes: 1 }, 'en')).toBeNull();
    expect(useDocumentStore.getState().project).toBe(before);
  });

  it('sends the crop to project.addArticleImage and inserts what the host stored', async () => {
    const sent: unknown[] = [];
    const client = createBuilderClient(async (method, input) => {
      sent.push([method, input]);
      return { ok: true, value: { file: FILE, bytes: 1_200 } };
    });
    const imageId = await insertArticleCrop({ client, projectPath: '/p/Acme help.stepwise', target, locale: 'en', encode: fakeEncoder(20, 20) });
    expect(sent).toEqual([['project.addArticleImage', { projectPath: '/p/Acme help.stepwise', dataBase64: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/) }]]);
    expect(article('art_password').body.en!.endsWith(`\n\n![](image:${imageId})`)).toBe(true);
  });

  it('a refusal from the host changes nothing and keeps crop mode, so the author can draw again', async () => {
    const client = createBuilderClient(async () => ({ ok: false, error: { code: 'invalid', message: 'The article image is 300 kB; an article image can be at most 256 kB.', problems: [] } }));
    const before = useDocumentStore.getState().project;
    await expect(insertArticleCrop({ client, projectPath: '/p', target, locale: 'en', encode: fakeEncoder(20, 20) })).rejects.toThrow(BuilderApiError);
    expect(useDocumentStore.getState().project).toBe(before);
    expect(useUiStore.getState().articleImageCrop).toEqual(target);
  });
});

describe('encodeUnderCap', () => {
  it('keeps a small crop as PNG at its own pixels', async () => {
    const blob = await encodeUnderCap(fakeEncoder(200, 100));
    expect([blob.type, blob.size]).toEqual(['image/png', 60_000]);
  });

  it('takes WebP when the PNG is over the cap, then scales down when nothing fits', async () => {
    expect((await encodeUnderCap(fakeEncoder(400, 400))).type).toBe('image/webp'); // PNG 480 kB, WebP 160 kB
    const asked: [number, CropType][] = [];
    const blob = await encodeUnderCap(fakeEncoder(1_600, 1_000, asked)); // even JPEG is 1.28 MB at full size
    expect(blob.size).toBeLessThanOrEqual(MAX_ARTICLE_IMAGE_BYTES);
    expect(asked[0]).toEqual([1, 'image/png']);
    expect(asked.at(-1)![0]).toBeLessThan(1);
    // PNG was 4.8 MB at full size: never encoded again at a scale where it could not fit.
    expect(asked.filter(([, type]) => type === 'image/png')).toHaveLength(1);
  });

  it('gives up with a clear message when nothing can be made small enough', async () => {
    const huge: EncodeCrop = async () => new Blob([new Uint8Array(MAX_ARTICLE_IMAGE_BYTES + 1)]);
    await expect(encodeUnderCap(huge)).rejects.toThrow('The crop could not be made smaller than 256 kB. Crop a smaller part of the screen.');
  });
});
