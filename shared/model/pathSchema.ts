import { z } from 'zod';

/** Paths cross the builder API as plain strings; each host decides which ones it will touch. */
export const pathSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(4_096, 'is longer than 4,096 characters')
  .refine((path) => !path.includes('\0'), 'must not contain a NUL character');
