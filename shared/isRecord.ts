/** A plain JSON object (not null, not an array): what a parsed document's records are. */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
