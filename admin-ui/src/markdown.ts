// Markdown (a notice's body, a journal entry's comments) as HTML that is safe to put in the
// page: raw HTML in the text is shown as text, and links and images keep only addresses that
// cannot run script. The views pass the result through DOMPurify as well.
import { Marked, type Tokens } from 'marked';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => escapes[c]);

/** http(s), mailto, and addresses on this site (relative, or a fragment); not javascript: or data:. */
export function isSafeUrl(href: string | null | undefined): boolean {
  if (!href) return false;
  const s = href.trim();
  // a scheme is letters before the first colon that comes before any / ? #
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(s.replace(/[\u0000-\u001f\s]/g, ''));
  return !scheme || ['http', 'https', 'mailto'].includes(scheme[1].toLowerCase());
}

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escape(text);
    },
    link({ href, title, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      if (!isSafeUrl(href)) return text;
      const t = title ? ` title="${escape(title)}"` : '';
      return `<a href="${escape(href)}"${t} rel="noopener noreferrer nofollow">${text}</a>`;
    },
    image({ href, title, text }: Tokens.Image) {
      if (!isSafeUrl(href)) return escape(text);
      const t = title ? ` title="${escape(title)}"` : '';
      return `<img src="${escape(href)}" alt="${escape(text)}"${t}>`;
    },
  },
});

/** The HTML of a Markdown text; empty for none. */
export function renderMarkdown(text: string | null | undefined): string {
  if (!text) return '';
  return marked.parse(text) as string;
}
