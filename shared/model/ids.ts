import { nanoid } from 'nanoid';
import { z } from 'zod';

/** Stable ids for every record in a document: URL-safe, collision-resistant, short. */
export const idSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'may only contain letters, digits, "_" and "-"');

export type Id = z.infer<typeof idSchema>;

export function newId(): Id {
  return nanoid(12);
}
