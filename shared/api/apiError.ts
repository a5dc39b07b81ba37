import { z } from 'zod';

export const API_ERROR_CODES = [
  'invalidInput',
  'unknownMethod',
  'unauthorized',
  'forbidden',
  'notFound',
  'alreadyExists',
  'damaged',
  'notStepwiseFile',
  'versionTooNew',
  'migrationFailed',
  'invalid',
  /** A project file still holds git's conflict markers (<<<<<<< ... >>>>>>>) from a merge. */
  'mergeConflict',
  /** A save was refused: the project's files changed on disk since the version the editor knows (someone else's save, a git pull). */
  'changedOnDisk',
  'io',
  'unsupported',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const problemSchema = z.object({
  path: z.string(),
  message: z.string(),
  line: z.number().optional(),
  /** The file of a project folder the problem is in (flows/<id>.json), when it is not the one the error names. */
  file: z.string().optional(),
});

/** Every failure either host reports: a code to branch on and a message for a person. */
export const apiErrorSchema = z.object({
  code: z.enum(API_ERROR_CODES),
  message: z.string(),
  /** The file the error is about, when there is one. */
  file: z.string().optional(),
  problems: z.array(problemSchema).default([]),
});
export type ApiErrorData = z.infer<typeof apiErrorSchema>;

export type ApiResponse<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorData };

/** Thrown by services and by the client; carries the typed error across the host boundary. */
export class BuilderApiError extends Error {
  readonly code: ApiErrorCode;
  readonly file: string | undefined;
  readonly problems: ApiErrorData['problems'];

  constructor(data: { code: ApiErrorCode; message: string; file?: string | undefined; problems?: ApiErrorData['problems'] }) {
    super(data.message);
    this.name = 'BuilderApiError';
    this.code = data.code;
    this.file = data.file;
    this.problems = data.problems ?? [];
  }

  toData(): ApiErrorData {
    return { code: this.code, message: this.message, ...(this.file ? { file: this.file } : {}), problems: this.problems };
  }
}
