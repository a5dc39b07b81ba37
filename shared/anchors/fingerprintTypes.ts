/**
 * The fingerprint as plain types, for code that ships in the player (no zod). The schema in
 * shared/model/fingerprint.ts is checked at compile time to describe exactly these.
 */
export interface FingerprintBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FingerprintAncestor {
  tag: string;
  attributes?: Record<string, string>;
  classes?: string[];
}

export interface Fingerprint {
  tag: string;
  role?: string;
  text?: string;
  attributes?: Record<string, string>;
  classes?: string[];
  ancestors?: FingerprintAncestor[];
  index?: number;
  box?: FingerprintBox;
}
