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
    expect(html('[x](javascript:alert(1))')).toBe('<p>x)</p>');
    expect(html('[mail](mailto:team@example.com)')).toBe('<p><a href="mailto:team@example.com" target="_blank" rel="noopener noreferrer">mail</a></p>');
    expect(html('[d](data:text/html,hi)')).toBe('<p>d</p>');
  });
});
