import { z } from 'zod';

/**
 * The only colour form a bundle carries: "#rrggbb". The player sets it as a CSS property value, so
 * anything richer (url(), var(), image-set(), or a ";" that starts another declaration) would let
 * a bundle make the customer's page fetch an address or restyle it; the contrast check and the
 * editor's colour inputs read this form too.
 */
export const cssColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a73e8');

/**
 * A font-family list such as `Inter, "Segoe UI", sans-serif`: letters, digits, spaces, quotes,
 * commas, dots, "-" and "_" only, so no url(), ";", braces or backslash escapes reach the page's CSS.
 */
export const fontFamilySchema = z
  .string()
  .min(1, 'must not be empty')
  .max(200)
  .regex(/^[\p{L}\p{N} _,.'"-]+$/u, 'must be a font-family list like Inter, "Segoe UI", sans-serif (letters, digits, spaces, quotes, commas, dots, "-" and "_")');
