import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { PathSegment } from '../validation/problems';

export interface JsonSyntaxError {
  message: string;
  line: number;
  column: number;
}

export interface ParsedJson {
  value: unknown;
  /** Finds the 1-based line of a path inside the text, for messages that point into the file. */
  lineOf(path: readonly PathSegment[]): number | undefined;
}

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'an unexpected character',
  InvalidNumberFormat: 'a badly written number',
  PropertyNameExpected: 'a missing field name',
  ValueExpected: 'a missing value',
  ColonExpected: 'a missing ":"',
  CommaExpected: 'a missing ","',
  CloseBraceExpected: 'a missing "}"',
  CloseBracketExpected: 'a missing "]"',
  EndOfFileExpected: 'text after the end of the document',
  InvalidCommentToken: 'a comment, which JSON does not allow',
  UnexpectedEndOfComment: 'an unfinished comment',
  UnexpectedEndOfString: 'an unfinished text',
  UnexpectedEndOfNumber: 'an unfinished number',
  InvalidUnicode: 'a broken \\u escape',
  InvalidEscapeCharacter: 'a broken escape',
  InvalidCharacter: 'a control character inside a text',
};

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Strict JSON parsing that says where a damaged file breaks (line and column), which JSON.parse
 * on Node 20 does not always say, and can point later messages at the line of a field.
 */
export function parseJsonDocument(textWithBom: string): { ok: true; parsed: ParsedJson } | { ok: false; error: JsonSyntaxError } {
  // Some editors on Windows start UTF-8 files with a byte-order mark; it is not part of the JSON.
  const text = textWithBom.replace(/^\uFEFF/, '');
  // JSON.parse is fast; the location-aware parser runs only to explain a failure or find a line.
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const errors: ParseError[] = [];
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    const offset = first?.offset ?? 0;
    const code = first ? printParseErrorCode(first.error) : 'ValueExpected';
    const where = lineAndColumn(text, offset);
    return { ok: false, error: { message: `${SYNTAX_MESSAGES[code] ?? code} at line ${where.line}, column ${where.column}`, ...where } };
  }
  let tree: Node | undefined;
  return {
    ok: true,
    parsed: {
      value,
      lineOf(path) {
        tree ??= parseTree(text);
        if (!tree) return undefined;
        // Walk up to the nearest ancestor that exists in the file (a missing field has no line).
        for (let length = path.length; length >= 0; length--) {
          const segments = path.slice(0, length).filter((s): s is string | number => typeof s !== 'symbol');
          const node = findNodeAtLocation(tree, segments);
          if (node) return lineAndColumn(text, node.offset).line;
        }
        return undefined;
      },
    },
  };
}
