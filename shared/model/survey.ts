import { z } from 'zod';
import { localizedTextSchema } from './localizedText';
import { stableObject } from './stableObject';

/** NPS bands: detractor 0-6, passive 7-8, promoter 9-10. */
export type NpsBand = 'detractor' | 'passive' | 'promoter';

export function npsBand(score: number): NpsBand {
  if (score <= 6) return 'detractor';
  if (score <= 8) return 'passive';
  return 'promoter';
}

export const surveyBodySchema = stableObject({
  question: localizedTextSchema.default({}),
  lowLabel: localizedTextSchema.default({}),
  highLabel: localizedTextSchema.default({}),
  /** Asked after the score, by band; an empty text means no follow-up for that band. */
  followUps: stableObject({
      detractor: localizedTextSchema.default({}),
      passive: localizedTextSchema.default({}),
      promoter: localizedTextSchema.default({}),
    })
    .prefault({}),
  thankYou: localizedTextSchema.default({}),
  position: z.enum(['center', 'bottom-right', 'bottom-left']).default('bottom-right'),
});
export type SurveyBody = z.infer<typeof surveyBodySchema>;
