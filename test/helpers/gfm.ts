/**
 * Markdown rendered the way GitHub renders a comment or a job summary, as closely as
 * can be done offline:
 *
 * 1. GFM parsing: micromark/remark with remark-gfm (CommonMark + tables, strikethrough,
 *    autolink literals, task lists, footnotes; both pass the CommonMark and GFM spec tests).
 * 2. Raw HTML parsed in place (rehype-raw), then GitHub's sanitisation: hast-util-sanitize's
 *    default schema, which is modelled on GitHub's allow-list (details/summary/sub/img… kept,
 *    script/style/event handlers dropped, ids prefixed with `user-content-`).
 * 3. GitHub's post-processing of the HTML's text: @user and @org/team mentions and issue
 *    references (#1, GH-1, owner/repo#1), skipping text inside pre, code and a, with the
 *    patterns of html-pipeline's MentionFilter / TeamMentionFilter (GitHub's open-source
 *    pipeline). They become `a.user-mention`, `a.team-mention` and `a.issue-link`, so a test
 *    can count what would have pinged or linked.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { defaultSchema } from 'hast-util-sanitize';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

// html-pipeline MentionFilter (USERNAME_PATTERN) and TeamMentionFilter (TEAM_PATTERN).
const TEAM = /(?<=^|\W)@([a-z0-9][a-z0-9-]*)\/([a-z0-9][a-z0-9\-_]*)\b/gi;
const USER = /(?<=^|\W)@([a-z0-9][a-z0-9-]*)(?!\/)(?=\.+[ \t\W]|\.+$|[^0-9a-zA-Z_.]|$)/gi;
// GitHub's issue/PR references: #1, GH-1, owner/repo#1.
const ISSUE = /(?<=^|\W)(?:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)?#\d+\b|\bGH-\d+\b/gi;

const IGNORE = new Set(['pre', 'code', 'a', 'style', 'script']);

function linkify(text: string): ElementContent[] {
  type Hit = { start: number; end: number; cls: string };
  const hits: Hit[] = [];
  for (const [re, cls] of [[TEAM, 'team-mention'], [USER, 'user-mention'], [ISSUE, 'issue-link']] as const) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!hits.some((h) => start < h.end && end > h.start)) hits.push({ start, end, cls });
    }
  }
  if (!hits.length) return [{ type: 'text', value: text }];
  hits.sort((a, b) => a.start - b.start);
  const out: ElementContent[] = [];
  let at = 0;
  for (const h of hits) {
    if (h.start > at) out.push({ type: 'text', value: text.slice(at, h.start) });
    out.push({ type: 'element', tagName: 'a', properties: { className: [h.cls], href: '#' }, children: [{ type: 'text', value: text.slice(h.start, h.end) }] });
    at = h.end;
  }
  if (at < text.length) out.push({ type: 'text', value: text.slice(at) });
  return out;
}

function githubTextFilters() {
  const walk = (node: Root | Element): void => {
    const next: ElementContent[] = [];
    for (const child of node.children as ElementContent[]) {
      if (child.type === 'text') next.push(...linkify((child as Text).value));
      else {
        if (child.type === 'element' && !IGNORE.has(child.tagName)) walk(child);
        next.push(child);
      }
    }
    node.children = next as Root['children'];
  };
  return (tree: Root) => walk(tree);
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, defaultSchema)
  .use(githubTextFilters)
  .use(rehypeStringify);

/** The HTML GitHub would show for this Markdown (see the module comment for how close). */
export function githubHtml(markdown: string): string {
  return String(processor.processSync(markdown));
}

/** The element tree of that HTML, for counting. */
export function githubTree(markdown: string): Root {
  const tree = processor.runSync(processor.parse(markdown)) as Root;
  return tree;
}

/** Every element's tag (and the mention/issue-link classes as pseudo-tags), counted. */
export function elementCounts(tree: Root): Map<string, number> {
  const counts = new Map<string, number>();
  const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  const walk = (n: Root | Element): void => {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      bump(c.tagName);
      const cls = c.properties?.className;
      if (Array.isArray(cls)) for (const k of cls) if (['user-mention', 'team-mention', 'issue-link'].includes(String(k))) bump(`.${k}`);
      walk(c);
    }
  };
  walk(tree);
  return counts;
}

/** The text of every heading element, in order. */
export function headings(tree: Root): string[] {
  const out: string[] = [];
  const text = (n: ElementContent): string => (n.type === 'text' ? n.value : n.type === 'element' ? n.children.map(text).join('') : '');
  const walk = (n: Root | Element): void => {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      if (/^h[1-6]$/.test(c.tagName)) out.push(text(c));
      else walk(c);
    }
  };
  walk(tree);
  return out;
}
