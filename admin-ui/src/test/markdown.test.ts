import { describe, expect, it } from 'vitest';
import { isSafeUrl, renderMarkdown } from '../markdown';

describe('Markdown rendering', () => {
  it('renders the common forms', () => {
    const html = renderMarkdown('# Power work\n\nThe **rack** is _off_ from `09:00`:\n\n- lab 1\n- lab 2\n\n[details](https://example.org/x)');
    expect(html).toContain('<h1>Power work</h1>');
    expect(html).toContain('<strong>rack</strong>');
    expect(html).toContain('<em>off</em>');
    expect(html).toContain('<code>09:00</code>');
    expect(html).toContain('<li>lab 1</li>');
    expect(html).toContain('<a href="https://example.org/x" rel="noopener noreferrer nofollow">details</a>');
    expect(renderMarkdown('')).toBe('');
    expect(renderMarkdown(null)).toBe('');
  });

  it('shows raw HTML as text', () => {
    const html = renderMarkdown('hello <img src=x onerror="alert(1)"> and <script>alert(2)</script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it('keeps no address that runs script', () => {
    expect(renderMarkdown('[click](javascript:alert(1))')).toBe('<p>click</p>\n');
    expect(renderMarkdown('[x](JaVaScRiPt:alert(1))')).not.toContain('href');
    expect(renderMarkdown('![pic](data:text/html;base64,PHNjcmlwdD4=)')).not.toContain('<img');
    expect(renderMarkdown('![pic](/admin/logo.png "Logo")')).toContain('<img src="/admin/logo.png" alt="pic" title="Logo">');
    expect(['https://a.b', 'http://a.b', 'mailto:x@y.z', '/hosts', '#top', 'page?x=1:2'].map(isSafeUrl)).toEqual([true, true, true, true, true, true]);
    expect(['javascript:x', ' javascript:x', 'java\tscript:x', 'data:x', 'vbscript:x', ''].map(isSafeUrl)).toEqual([false, false, false, false, false, false]);
  });
});
