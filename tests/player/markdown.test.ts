// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { markdown } from '../../player/src/markdown';

function html(source: string): string {
  const host = document.createElement('div');
  host.append(markdown(source));
  return host.innerHTML;
}

describe('safe markdown subset', () => {
  it('renders paragraphs, line breaks, bold, italic and links', () => {
    expect(html('Hello **world**, *nice*\nsecond line\n\nNew [docs](https://example.com/a?b=1) _here_')).toBe(
      '<p>Hello <strong>world</strong>, <em>nice</em><br>second line</p><p>New <a href="https://example.com/a?b=1" target="_blank" rel="noopener noreferrer">docs</a> <em>here</em></p>',
    );
  });

  it('renders bulleted and numbered lists', () => {
    expect(html('- one\n- **two**')).toBe('<ul><li>one</li><li><strong>two</strong></li></ul>');
    expect(html('1. first\n2. second')).toBe('<ol><li>first</li><li>second</li></ol>');
  });

  it('keeps HTML as text and drops links that are not http(s) or mailto', () => {
    expect(html('<img src=x onerror=alert(1)>')).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(html('[x](javascript:alert(1))')).toBe('<p>x</p>');
    expect(html('[mail](mailto:team@example.com)')).toBe('<p><a href="mailto:team@example.com" target="_blank" rel="noopener noreferrer">mail</a></p>');
    expect(html('[d](data:text/html,hi)')).toBe('<p>d</p>');
  });

  // CommonMark 0.31 examples (https://spec.commonmark.org/0.31.2/) for what the subset supports.
  it.each([
    ['*foo bar*', '<em>foo bar</em>'], // 350
    ['a * foo bar*', 'a * foo bar*'], // 351: "*" followed by a space opens nothing
    ['foo*bar*', 'foo<em>bar</em>'], // 354: "*" works inside words
    ['_foo bar_', '<em>foo bar</em>'], // 356
    ['foo_bar_', 'foo_bar_'], // 360: "_" inside words stays literal
    ['5_6_78', '5_6_78'], // 361
    ['snake_case_name', 'snake_case_name'],
    ['**foo bar**', '<strong>foo bar</strong>'], // 378
    ['** foo bar**', '** foo bar**'], // 379
    ['foo**bar**', 'foo<strong>bar</strong>'], // 382
    ['[link](/uri)', 'link'], // 482, minus the relative URL the player does not link
    ['[link](https://a.example/(foo)and(bar))', '<a href="https://a.example/(foo)and(bar)" target="_blank" rel="noopener noreferrer">link</a>'], // 497: balanced parentheses
    ['[link](https://a.example/foo(and(bar)))', '<a href="https://a.example/foo(and(bar))" target="_blank" rel="noopener noreferrer">link</a>'], // 496
    ['[link](https://a.example/foo(and(bar))', '[link](https://a.example/foo(and(bar))'], // 495: unbalanced, not a link
    ['[link](https://a.example/x y)', '[link](https://a.example/x y)'], // 488: no spaces in the URL
    ['[*em* link](https://a.example)', '<a href="https://a.example" target="_blank" rel="noopener noreferrer"><em>em</em> link</a>'],
  ])('CommonMark: %s', (source, expected) => {
    expect(html(source)).toBe(`<p>${expected}</p>`);
  });

  it('takes time in proportion to its input, whatever the input (1 MB of "[" used to freeze the page)', () => {
    const timed = (source: string) => {
      const start = performance.now();
      markdown(source);
      return performance.now() - start;
    };
    for (const unit of ['[', '[a](', '**a', '*a', '_a', '[a](((', 'a_b ']) {
      timed(unit.repeat(1_000)); // warm up
      // Quadratic work grows 100 times for 10 times the input, linear work 10 times (up to about 35 with garbage collection in jsdom); best of three absorbs a busy machine.
      const small = Math.min(...[1, 2, 3].map(() => timed(unit.repeat(10_000))));
      const large = Math.min(...[1, 2, 3].map(() => timed(unit.repeat(100_000))));
      expect(large / Math.max(small, 0.5), unit).toBeLessThan(60);
    }
    expect(timed('['.repeat(1_000_000))).toBeLessThan(2_000);
  });
});
